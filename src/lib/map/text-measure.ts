/**
 * Text widths in the browser, for the names' placement and the PNG export: a 2D canvas's
 * `measureText` (cached: the placement measures the same names again and again), or the
 * estimate of scheme/labels.ts where no 2D canvas exists (it errs wide).
 */
import { estimateTextWidth, type Measure } from './scheme/labels';

let shared: Measure | null = null;

/**
 * One measure for the whole page (one canvas, one cache). The canvas is made on the first
 * measure, not here: the map asks for this measure as it mounts, but its names are placed in a
 * worker with a canvas of its own, and the main thread measures only when that worker is missing.
 */
export function canvasMeasure(): Measure {
  if (shared) return shared;
  let ctx: CanvasRenderingContext2D | null | undefined;
  const widths = new Map<string, number>();
  return (shared = (text, font) => {
    ctx ??= document.createElement('canvas').getContext('2d');
    if (!ctx) return estimateTextWidth(text, font);
    const key = `${font}|${text}`;
    let w = widths.get(key);
    if (w === undefined) {
      ctx.font = font;
      w = ctx.measureText(text).width;
      // Not kept while a face is loading: that width may be a fallback font's.
      if (document.fonts?.status !== 'loading') widths.set(key, w);
    }
    return w;
  });
}
