/**
 * The app's typeface: Source Sans 3 (Adobe, SIL Open Font License 1.1, package
 * `@fontsource-variable/source-sans-3`), one variable file (weights 200–900, so the stylesheets'
 * 400, 600, 700 and 800 are all true weights), Latin subset, 28 KB, served with the app.
 * One source for the CSS (`--font-sans` in app.css, checked by a unit test), the map's names (SVG,
 * canvas measures, the label worker) and the PNG export. No asset import here: the pipeline and
 * the unit tests read this module under Node.
 *
 * Why a bundled face, not the system's:
 * - the same text and the same widths on every machine: the map's names are placed for measured
 *   widths, and a projector PC, a remote desktop and a planner's laptop have different fonts;
 * - on Linux each system font strike (family, size, weight) the first layout meets is a
 *   synchronous request to the browser process (`GetWebFontRenderStyleForStrike`), some twenty
 *   per page, 20–120 ms in all on a loaded 2-core machine, none once a web font has loaded:
 *   Lighthouse's blocking time on `/` went from ~350 to ~160 ms, interleaved runs (issue 12).
 * Glyphs outside the subset (≈, ○, ↕, arrows) come from the fallback fonts, as before.
 */

/** The face's name, as `@font-face` declares it. */
export const FONT_FAMILY = 'Source Sans 3';

/** The CSS font stack: the bundled face, then the system's if it cannot load. */
export const FONT_STACK = `'${FONT_FAMILY}', system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif`;

/**
 * One file of the face: the weights it covers (a CSS `font-weight` descriptor: `400`, or a range
 * `200 900` for a variable file) and its URL (a bundled asset, or a data: URL in an export).
 */
export interface FontFile {
  weight: string;
  url: string;
}

/**
 * `@font-face` rules for the files. `font-display: swap`: the text shows at once in a fallback
 * if the file is late (it is preloaded, so it is usually there for the first layout).
 */
export function fontFaceRules(files: readonly FontFile[]): string {
  return files
    .map(
      (f) =>
        `@font-face{font-family:'${FONT_FAMILY}';font-style:normal;font-weight:${f.weight};font-display:swap;src:url(${JSON.stringify(f.url)}) format('woff2')}`
    )
    .join('');
}
