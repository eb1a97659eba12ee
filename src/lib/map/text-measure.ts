/**
 * Text widths in the browser, for the names' placement and the PNG export: a 2D canvas's
 * `measureText` (cached: the placement measures the same names again and again), or the
 * estimate of scheme/labels.ts where no 2D canvas exists (it errs wide).
 */
import { estimateTextWidth, type Measure } from './scheme/labels';

export function canvasMeasure(): Measure {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return estimateTextWidth;
  const widths = new Map<string, number>();
  return (text, font) => {
    const key = `${font}|${text}`;
    let w = widths.get(key);
    if (w === undefined) {
      ctx.font = font;
      w = ctx.measureText(text).width;
      widths.set(key, w);
    }
    return w;
  };
}
