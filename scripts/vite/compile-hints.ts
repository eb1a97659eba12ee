/**
 * Vite plugin: marks the modules every page runs at start for eager compilation by V8 (explicit
 * compile hints, the `//# allFunctionsCalledOnLoad` comment at the top of a file, Chrome 136+).
 *
 * V8 compiles a function lazily, on the main thread, the first time it is called. A page's start
 * calls most of SvelteKit's runtime, Svelte's and the page's own components: their lazy
 * compilation was part of every start task (module evaluation, hydration, each island). Hinted,
 * these files are compiled whole while they stream in, on a background thread. Only the modules
 * of a page's start get the hint: the SvelteKit entries, the route nodes and what they import
 * statically (`startChunks`). What is imported on demand (MapLibre, the slides' loader, the
 * workers) stays lazy.
 * Browsers without the feature read a comment.
 *
 * Build only, client only (the server build has no `_app/immutable/` files).
 */
import type { Plugin } from 'vite';

/** V8's magic comment; it must open the file. */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** SvelteKit's client entries and route nodes: what a prerendered page starts with. */
const START = /(^|\/)_app\/immutable\/(entry|nodes)\/[^/]+\.js$/;

/**
 * The chunks a page's start runs: the entries and nodes, and every chunk they import
 * statically, transitively. `chunks` maps a chunk's file name to its static imports. (A chunk
 * one page starts with may be loaded on demand by another, zod for instance: it is compiled
 * whole there too, in the background.)
 */
export function startChunks(chunks: Record<string, { imports: readonly string[] }>): Set<string> {
  const found = new Set<string>();
  const queue = Object.keys(chunks).filter((f) => START.test(f));
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (found.has(file)) continue;
    found.add(file);
    for (const imported of chunks[file]?.imports ?? []) queue.push(imported);
  }
  return found;
}

export function compileHints(): Plugin {
  return {
    name: 'atlas-compile-hints',
    apply: 'build',
    generateBundle: {
      // Last: Vite writes its preload helper (`__vite__mapDeps`) at the top of chunks before.
      order: 'post',
      handler(options, bundle) {
        const chunks = Object.fromEntries(
          Object.values(bundle).flatMap((o) => (o.type === 'chunk' ? [[o.fileName, o]] : []))
        );
        for (const file of startChunks(chunks)) {
          const chunk = chunks[file];
          if (!chunk) continue;
          if (options.sourcemap) {
            // One line more at the top would shift every mapping of the chunk.
            this.warn(`compile hint left out of ${file}: source maps are on`);
            continue;
          }
          chunk.code = `${COMPILE_HINT}\n${chunk.code}`;
        }
      }
    }
  };
}
