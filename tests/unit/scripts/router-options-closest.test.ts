import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { patchRouterOptions } from '../../../scripts/vite/router-options-closest';

// The installed SvelteKit's client utilities, the file the plugin rewrites.
const kitDir = dirname(createRequire(import.meta.url).resolve('@sveltejs/kit/package.json'));
const source = readFileSync(join(kitDir, 'src/runtime/client/utils.js'), 'utf8');

/** A minimal DOM element: attributes, a parent, and `closest` for `[attr]` selectors. */
class FakeElement {
  assignedSlot = null;
  nodeType = 1;
  constructor(
    readonly attrs: Record<string, string>,
    readonly parentNode: FakeElement | null
  ) {}
  getAttribute(name: string): string | null {
    return this.attrs[name] ?? null;
  }
  closest(selector: string): FakeElement | null {
    const name = /^\[([\w-]+)\]$/.exec(selector)?.[1];
    if (!name) throw new Error(`unsupported selector ${selector}`);
    if (name in this.attrs) return this;
    return this.parentNode?.closest(selector) ?? null;
  }
}

type RouterOptions = (el: FakeElement) => Record<string, unknown>;

/** `get_router_options` of a version of the file, evaluated against a fake document. */
function routerOptionsOf(file: string, root: FakeElement): RouterOptions {
  const start = file.indexOf('export function get_router_options');
  const end = file.indexOf('\n}\n', start) + 3;
  const fn = file.slice(start, end).replace('export ', '');
  const levels = { tap: 1, hover: 2, viewport: 3, eager: 4, off: -1, false: -1, '': 2 };
  return new Function(
    'document',
    'levels',
    'link_option',
    'parent_element',
    `${fn}\nreturn get_router_options;`
  )(
    { documentElement: root },
    levels,
    (el: FakeElement, name: string) => el.getAttribute(`data-sveltekit-${name}`),
    (el: FakeElement) => el.parentNode
  ) as RouterOptions;
}

describe('SvelteKit link options through closest()', () => {
  const patched = patchRouterOptions(source);

  it('finds the walk in the installed SvelteKit and replaces it', () => {
    expect(patched).not.toBeNull();
    const fn = patched!.slice(patched!.indexOf('export function get_router_options'));
    expect(fn.slice(0, fn.indexOf('\n}\n'))).not.toContain('parent_element(el)');
    expect(fn.match(/= closest_option\(el, '/g)).toHaveLength(6);
  });

  it('leaves a file without the walk alone', () => {
    expect(patchRouterOptions('export function get_router_options() {}')).toBeNull();
  });

  // html > body > main > svg > a: the options on each level, and what the link gets.
  const cases: Array<{ name: string; levels: Array<Record<string, string>> }> = [
    { name: 'no option anywhere', levels: [{}, {}, {}, {}, {}] },
    {
      name: 'body option (the app)',
      levels: [{}, { 'data-sveltekit-preload-data': 'hover' }, {}, {}, {}]
    },
    {
      name: 'nearest wins',
      levels: [
        {},
        { 'data-sveltekit-preload-data': 'hover', 'data-sveltekit-noscroll': '' },
        { 'data-sveltekit-preload-data': 'tap' },
        { 'data-sveltekit-reload': 'off' },
        { 'data-sveltekit-reload': '', 'data-sveltekit-replacestate': 'true' }
      ]
    },
    {
      name: 'options on <html> are ignored, as in the walk',
      levels: [
        { 'data-sveltekit-preload-code': 'eager', 'data-sveltekit-keepfocus': '' },
        {},
        { 'data-sveltekit-preload-code': 'viewport' },
        {},
        {}
      ]
    }
  ];

  it.each(cases)('same options as the walk: $name', ({ levels }) => {
    let parent: FakeElement | null = null;
    const chain: FakeElement[] = [];
    for (const attrs of levels) {
      parent = new FakeElement(attrs, parent);
      chain.push(parent);
    }
    const [root, link] = [chain[0]!, chain[chain.length - 1]!];
    for (const el of chain.slice(1)) {
      expect(routerOptionsOf(patched!, root)(el)).toEqual(routerOptionsOf(source, root)(el));
    }
    expect(routerOptionsOf(patched!, root)(link)).toEqual(routerOptionsOf(source, root)(link));
  });
});
