/**
 * Vite plugin: the client build's manifest names every file the build writes under
 * `_app/immutable/`. SvelteKit makes `build` of `$service-worker` (the offline precache) from that
 * manifest, and Vite leaves out the files of `new Worker(new URL(…))` (the SVG map's names worker):
 * offline, a page opened for the first time could not start it. Listing them here keeps every
 * immutable file precached without naming any by hand.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest, Plugin, ResolvedConfig } from 'vite';

/** Key prefix of the entries added to the manifest (no source module has such an id). */
export const UNLISTED_KEY = '_unlisted/';

/**
 * `manifest` plus one entry `{ file }` for each of `written` under `prefix` that no entry names
 * (as its file, css or assets). Pure; the input is not modified.
 */
export function withUnlistedFiles(
  manifest: Manifest,
  written: readonly string[],
  prefix: string
): Manifest {
  const listed = new Set<string>();
  for (const chunk of Object.values(manifest)) {
    listed.add(chunk.file);
    for (const f of chunk.css ?? []) listed.add(f);
    for (const f of chunk.assets ?? []) listed.add(f);
  }
  const result: Manifest = { ...manifest };
  for (const file of written) {
    if (file.startsWith(prefix) && !listed.has(file)) result[`${UNLISTED_KEY}${file}`] = { file };
  }
  return result;
}

/** The plugin; `immutableDir` is SvelteKit's `${appDir}/immutable/`. */
export function manifestListsEveryFile(immutableDir = '_app/immutable/'): Plugin {
  let config: ResolvedConfig | undefined;
  return {
    name: 'atlas-plh:manifest-lists-every-file',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    // After the files are written, the manifest included.
    writeBundle(options, bundle) {
      if (!config || config.build.ssr || !config.build.manifest) return;
      const name =
        typeof config.build.manifest === 'string' ? config.build.manifest : '.vite/manifest.json';
      const path = join(options.dir ?? config.build.outDir, name);
      const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
      const complete = withUnlistedFiles(manifest, Object.keys(bundle), immutableDir);
      if (Object.keys(complete).length !== Object.keys(manifest).length) {
        writeFileSync(path, JSON.stringify(complete, null, 2));
      }
    }
  };
}
