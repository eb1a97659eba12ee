/** The font preloads move to the top of a prerendered page's head (src/lib/fonts/head.ts). */
import { describe, expect, it } from 'vitest';
import { hoistFontPreloads } from '../../../src/lib/fonts/head';

const regular =
  '<link rel="preload" as="font" type="font/woff2" crossorigin="anonymous" href="./a.woff2"/>';
const bold =
  '<link rel="preload" as="font" type="font/woff2" crossorigin="anonymous" href="./b.woff2"/>';
const modules = '<link href="./_app/immutable/entry/start.js" rel="modulepreload">';

describe('hoistFontPreloads', () => {
  it.each([
    {
      name: 'both preloads, after the module preloads: moved first, in order',
      html: `<head>\n<meta charset="utf-8" />\n<title>x</title>${modules}${regular}${bold}</head><body></body>`,
      out: `<head>\n<meta charset="utf-8" />${regular}${bold}\n<title>x</title>${modules}</head><body></body>`
    },
    {
      name: 'already first: unchanged',
      html: `<meta charset="utf-8" />${regular}${bold}${modules}`,
      out: `<meta charset="utf-8" />${regular}${bold}${modules}`
    },
    {
      name: 'no font preload: unchanged',
      html: `<meta charset="utf-8" />${modules}`,
      out: `<meta charset="utf-8" />${modules}`
    },
    {
      name: 'no charset meta (a fragment): unchanged',
      html: `${modules}${regular}`,
      out: `${modules}${regular}`
    },
    {
      name: 'other preloads stay where they are',
      html: `<meta charset="utf-8" /><link rel="preload" as="image" href="x.png">${regular}`,
      out: `<meta charset="utf-8" />${regular}<link rel="preload" as="image" href="x.png">`
    }
  ])('$name', ({ html, out }) => {
    expect(hoistFontPreloads(html)).toBe(out);
    expect(hoistFontPreloads(out)).toBe(out);
  });
});
