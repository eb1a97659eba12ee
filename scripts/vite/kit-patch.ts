/**
 * A build-only Vite plugin that rewrites one file of SvelteKit's client runtime with `patch`
 * (scripts/vite/router-options-closest.ts, preload-scan.ts). When `patch` no longer finds what it
 * rewrites (SvelteKit's code changed), the build warns with `changed` and keeps the file as it is;
 * each patch's unit test, run on the installed SvelteKit, fails first.
 */
import type { Plugin } from 'vite';

export function kitPatch(
  name: string,
  /** Path of the file under `@sveltejs/kit/src/runtime/client/`, e.g. `utils.js`. */
  file: string,
  patch: (source: string) => string | null,
  changed: string
): Plugin {
  const suffix = ['@sveltejs', 'kit', 'src', 'runtime', 'client', file];
  return {
    name,
    apply: 'build',
    transform(code, id) {
      const parts = id.split(/[\\/]/);
      if (suffix.some((p, i) => parts[parts.length - suffix.length + i] !== p)) return null;
      const patched = patch(code);
      if (patched === null) {
        this.warn(changed);
        return null;
      }
      return { code: patched, map: null };
    }
  };
}
