/**
 * Vite plugin: after each navigation, SvelteKit's client looks at every link of the page for a
 * `data-sveltekit-preload-code` of « viewport » or « eager » (to watch or preload its code). For
 * each link it first resolves its URL (`get_link_info`), then reads its options: ~5–10 ms of the
 * hydration task on this machine for the 100–200 links of a sheet or a map page, four times that
 * on Lighthouse's slow phone. This app sets no `data-sveltekit-preload-code` anywhere, so the loop
 * never does anything: the build adds one native query that skips it when no element (other than
 * `<html>`, which SvelteKit's lookup ignores too) carries the option. Build only; if SvelteKit's
 * code changes, the build warns and keeps the original (the unit test fails first).
 */
import type { Plugin } from 'vite';
import { kitPatch } from './kit-patch';

/** The start of SvelteKit's `after_navigate` in `src/runtime/client/client.js` (kit 2.x). */
const START = /\n(\t+)function after_navigate\(\) \{\n\1\tobserver\.disconnect\(\);\n/;

/** The same file with the early return, or null when `source` does not hold the function. */
export function patchPreloadScan(source: string): string | null {
  const start = START.exec(source);
  if (!start) return null;
  const indent = `${start[1]}\t`;
  const skip =
    `${indent}// Atlas PLH (scripts/vite/preload-scan.ts): no link can ask for code preloading.\n` +
    `${indent}if (document.querySelector(':not(html)[data-sveltekit-preload-code]') === null) return;\n`;
  return source.replace(start[0], `${start[0]}${skip}`);
}

export function preloadScan(): Plugin {
  return kitPatch(
    'atlas-preload-scan',
    'client.js',
    patchPreloadScan,
    "SvelteKit's after_navigate changed: the link scan is kept as it is"
  );
}
