/**
 * Text widths in the browser, for the names' placement and the PNG export: a 2D canvas's
 * `measureText` (cached: the placement measures the same names again and again), or the
 * estimate of scheme/labels.ts where no 2D canvas exists (it errs wide).
 */
import { estimateTextWidth, type Measure } from './scheme/labels';

let shared: Measure | null = null;

/** One measure for the whole page (one canvas, one cache), made on first use. */
export function canvasMeasure(): Measure {
  if (shared) return shared;
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return (shared = estimateTextWidth);
  const widths = new Map<string, number>();
  return (shared = (text, font) => {
    const key = `${font}|${text}`;
    let w = widths.get(key);
    if (w === undefined) {
      ctx.font = font;
      w = ctx.measureText(text).width;
      widths.set(key, w);
    }
    return w;
  });
}
