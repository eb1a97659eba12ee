/**
 * Vite plugin: SvelteKit's `get_router_options` (client runtime) reads the six
 * `data-sveltekit-*` link options by walking from a link up to `<html>`, six `getAttribute` calls
 * per ancestor. At start SvelteKit does this for every link of the page: ~20 ms of the hydration
 * task on a slow phone for the 120–170 links of a map page or a sheet. This build replaces the
 * walk with one native `closest()` per option, which finds the same nearest ancestor (the app
 * has no shadow DOM, which the original walk also crosses). Build only; if SvelteKit's code
 * changes, the build warns and keeps the original (the unit test fails first).
 */
import type { Plugin } from 'vite';
import { kitPatch } from './kit-patch';

/** SvelteKit's walk, as written in @sveltejs/kit 2.x `src/runtime/client/utils.js`. */
const WALK =
  /\n\twhile \(el && el !== document\.documentElement\) \{\n(?:\t\tif \((\w+) === null\) \1 = link_option\(el, '([a-z-]+)'\);\n){6}\n\t\tel = \/\*\* @type \{Element\} \*\/ \(parent_element\(el\)\);\n\t\}\n/;

const OPTION = /\t\tif \((\w+) === null\) \1 = link_option\(el, '([a-z-]+)'\);/g;

/**
 * The same lookups through `closest()`: the nearest element from the link up, `<html>` excluded
 * as in the walk. Null when `source` does not hold the walk.
 */
export function patchRouterOptions(source: string): string | null {
  const walk = WALK.exec(source);
  if (!walk) return null;
  const lookups = [...walk[0].matchAll(OPTION)].map(
    ([, variable, name]) => `\t${variable} = closest_option(el, '${name}');\n`
  );
  const helper =
    '\n\t/** @param {Element} from @param {string} name */\n' +
    '\tfunction closest_option(from, name) {\n' +
    '\t\tconst found = from.closest(`[data-sveltekit-${name}]`);\n' +
    '\t\treturn found && found !== document.documentElement ? link_option(found, name) : null;\n' +
    '\t}\n';
  return source.replace(walk[0], `${helper}${lookups.join('')}`);
}

export function routerOptionsClosest(): Plugin {
  return kitPatch(
    'atlas-router-options-closest',
    'utils.js',
    patchRouterOptions,
    "SvelteKit's get_router_options changed: the link walk is kept as it is"
  );
}
