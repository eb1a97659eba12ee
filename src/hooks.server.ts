import type { Handle } from '@sveltejs/kit';
import { hoistFontPreloads } from '$lib/fonts/head';

/** Prerendering: the font preloads go first in each page's head (src/lib/fonts/head.ts). */
export const handle: Handle = ({ event, resolve }) =>
  resolve(event, { transformPageChunk: ({ html }) => hoistFontPreloads(html) });
