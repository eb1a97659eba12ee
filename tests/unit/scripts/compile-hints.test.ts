import { describe, expect, it } from 'vitest';
import { COMPILE_HINT, compileHints, startChunks } from '../../../scripts/vite/compile-hints';

const I = '_app/immutable';

/** A client bundle's chunks by file name, with their static imports. */
function graph(edges: Record<string, string[]>): Record<string, { imports: string[] }> {
  return Object.fromEntries(Object.entries(edges).map(([f, imports]) => [f, { imports }]));
}

interface Case {
  name: string;
  edges: Record<string, string[]>;
  expected: string[];
}

describe('startChunks', () => {
  it.each<Case>([
    {
      name: 'entries, nodes and their static imports, transitively',
      edges: {
        [`${I}/entry/start.a.js`]: [`${I}/chunks/kit.js`],
        [`${I}/entry/app.b.js`]: [`${I}/chunks/svelte.js`],
        [`${I}/nodes/2.c.js`]: [`${I}/chunks/map.js`],
        [`${I}/chunks/map.js`]: [`${I}/chunks/labels.js`],
        [`${I}/chunks/labels.js`]: [],
        [`${I}/chunks/kit.js`]: [],
        [`${I}/chunks/svelte.js`]: []
      },
      expected: [
        `${I}/chunks/kit.js`,
        `${I}/chunks/labels.js`,
        `${I}/chunks/map.js`,
        `${I}/chunks/svelte.js`,
        `${I}/entry/app.b.js`,
        `${I}/entry/start.a.js`,
        `${I}/nodes/2.c.js`
      ]
    },
    {
      // Loaded on demand only (MapLibre's wrapper): nothing of a start imports it statically.
      name: 'a chunk only imported on demand stays out',
      edges: {
        [`${I}/nodes/2.c.js`]: [`${I}/chunks/svelte.js`],
        [`${I}/chunks/svelte.js`]: [],
        [`${I}/chunks/maplibre-wrapper.js`]: [`${I}/chunks/svelte.js`]
      },
      expected: [`${I}/chunks/svelte.js`, `${I}/nodes/2.c.js`]
    },
    {
      name: 'import cycles end',
      edges: {
        [`${I}/nodes/0.d.js`]: [`${I}/chunks/a.js`],
        [`${I}/chunks/a.js`]: [`${I}/chunks/b.js`],
        [`${I}/chunks/b.js`]: [`${I}/chunks/a.js`]
      },
      expected: [`${I}/chunks/a.js`, `${I}/chunks/b.js`, `${I}/nodes/0.d.js`]
    },
    {
      name: 'the server build (no _app/immutable) gets nothing',
      edges: { 'entries/pages/_page.svelte.js': ['chunks/internal.js'], 'chunks/internal.js': [] },
      expected: []
    }
  ])('$name', ({ edges, expected }) => {
    expect([...startChunks(graph(edges))].sort()).toEqual(expected);
  });
});

describe('compileHints', () => {
  type Handler = (
    this: { warn: (m: string) => void },
    options: { sourcemap: boolean },
    bundle: Record<string, unknown>
  ) => void;
  const hook = compileHints().generateBundle as unknown as { order: string; handler: Handler };

  function run(sourcemap: boolean) {
    const chunk = (fileName: string, imports: string[], code: string) => ({
      type: 'chunk',
      fileName,
      imports,
      code
    });
    const bundle = {
      [`${I}/nodes/2.c.js`]: chunk(
        `${I}/nodes/2.c.js`,
        [`${I}/chunks/s.js`],
        'const __vite__mapDeps=1;'
      ),
      [`${I}/chunks/s.js`]: chunk(`${I}/chunks/s.js`, [], 'export const s=1;'),
      [`${I}/chunks/lazy.js`]: chunk(`${I}/chunks/lazy.js`, [], 'export const l=1;'),
      [`${I}/assets/app.css`]: { type: 'asset', fileName: `${I}/assets/app.css`, source: 'a{}' }
    } as Record<string, { code?: string }>;
    const warnings: string[] = [];
    hook.handler.call({ warn: (m) => warnings.push(m) }, { sourcemap }, bundle);
    return { bundle, warnings };
  }

  it('runs after every other plugin and opens each start chunk with the hint', () => {
    expect(hook.order).toBe('post');
    const { bundle, warnings } = run(false);
    // The hint opens the file, before Vite's preload helper.
    expect(bundle[`${I}/nodes/2.c.js`]?.code).toBe(`${COMPILE_HINT}\nconst __vite__mapDeps=1;`);
    expect(bundle[`${I}/chunks/s.js`]?.code).toBe(`${COMPILE_HINT}\nexport const s=1;`);
    expect(bundle[`${I}/chunks/lazy.js`]?.code).toBe('export const l=1;');
    expect(warnings).toEqual([]);
  });

  it('leaves the chunks as they are, with a warning, when source maps are on', () => {
    const { bundle, warnings } = run(true);
    expect(bundle[`${I}/chunks/s.js`]?.code).toBe('export const s=1;');
    expect(warnings).toHaveLength(2);
  });
});
