import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { patchPreloadScan } from '../../../scripts/vite/preload-scan';

// The installed SvelteKit's client, the file the plugin rewrites.
const kitDir = dirname(createRequire(import.meta.url).resolve('@sveltejs/kit/package.json'));
const source = readFileSync(join(kitDir, 'src/runtime/client/client.js'), 'utf8');

const PRELOAD_PRIORITIES = { tap: 1, hover: 2, viewport: 3, eager: 4, off: -1 };

/** Runs one version's `after_navigate` on a page of `links` whose options say `preloadCode`. */
function scan(file: string, preloadCode: number, optionInDocument: boolean) {
  const start = file.indexOf('\tfunction after_navigate() {');
  const end = file.indexOf('\n\t}\n', start) + 4;
  const fn = file.slice(start, end);
  const links = [{ href: '/commune/38185' }, { href: '/qpv/QN03804I' }];
  const calls = {
    linkInfo: vi.fn(() => ({ url: new URL('http://x/a'), external: false, download: false })),
    observe: vi.fn(),
    preload: vi.fn()
  };
  new Function(
    'observer',
    'container',
    'get_link_info',
    'get_router_options',
    'PRELOAD_PRIORITIES',
    '_preload_code',
    'base',
    'app',
    'document',
    `${fn}\nafter_navigate();`
  )(
    { disconnect: () => {}, observe: calls.observe },
    { querySelectorAll: () => links },
    calls.linkInfo,
    () => ({ preload_code: preloadCode, reload: false }),
    PRELOAD_PRIORITIES,
    calls.preload,
    '',
    { hash: false },
    { querySelector: () => (optionInDocument ? {} : null) }
  );
  return calls;
}

describe('SvelteKit’s link scan after navigation', () => {
  const patched = patchPreloadScan(source);

  it('finds after_navigate in the installed SvelteKit and adds the early return', () => {
    expect(patched).not.toBeNull();
    expect(patched).toContain(
      "if (document.querySelector(':not(html)[data-sveltekit-preload-code]') === null) return;"
    );
  });

  it('skips the scan when no element asks for code preloading; the original resolved every link', () => {
    const original = scan(source, PRELOAD_PRIORITIES.off, false);
    expect(original.linkInfo).toHaveBeenCalledTimes(2);
    const skipped = scan(patched ?? '', PRELOAD_PRIORITIES.off, false);
    expect(skipped.linkInfo).not.toHaveBeenCalled();
    expect(skipped.observe).not.toHaveBeenCalled();
  });

  it.each([
    ['viewport', PRELOAD_PRIORITIES.viewport, 'observe'],
    ['eager', PRELOAD_PRIORITIES.eager, 'preload']
  ] as const)(
    'still does what SvelteKit does when an element asks for « %s »',
    (_name, level, effect) => {
      const original = scan(source, level, true);
      const kept = scan(patched ?? '', level, true);
      expect(kept[effect]).toHaveBeenCalledTimes(2);
      expect(kept[effect].mock.calls).toEqual(original[effect].mock.calls);
    }
  );

  it('leaves a file without after_navigate alone (null: the build warns)', () => {
    expect(patchPreloadScan('export function start() {}')).toBeNull();
  });
});
