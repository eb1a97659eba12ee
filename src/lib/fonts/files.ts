/**
 * The bundled font file (see typography.ts), as an asset URL: hashed and immutable, listed in the
 * service worker's cache like every file of the build, so the face is there offline too.
 * Browser code only (an asset import): the page's head, the label worker, the PNG export.
 */
import variable from '@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-normal.woff2?url';
import { base } from '$app/paths';
import type { FontFile } from './typography';

export const FONT_FILES: readonly FontFile[] = [{ weight: '200 900', url: variable }];

/**
 * A file's URL for the page's markup. Prerendering gives a root path (`/_app/…`): it is made
 * relative to the page (`base` is, while prerendering), like the page's other links, so the
 * site works under any path. The browser's are absolute already.
 */
export function fontHref(url: string): string {
  return url.startsWith('/') ? `${base}${url}` : url;
}
