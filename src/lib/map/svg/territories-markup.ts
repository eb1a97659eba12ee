/**
 * The commune and QPV shapes of an SVG map as markup (pure). The map injects it with `{@html}`:
 * hydration adopts the prerendered shapes as they are, where drawing them as components cost a
 * phone's main thread a few hundred milliseconds per map (an element, attributes and handlers per
 * territory). The map reads pointer, focus and click events on the enclosing group (`data-code`).
 */
import { escapeMarkup } from '../../format/markup';

export interface TerritoryShape {
  code: string;
  /** SVG path data, viewBox units. */
  path: string;
  /** QPV only: '2015' perimeters approximate the 2024 ones (dashed). */
  generation?: string;
}

export interface TerritoriesMarkupOptions {
  /** Link of a territory, or null for none (then it is neither a link nor focusable). */
  hrefOf: (code: string) => string | null;
  /** Accessible name of a territory. */
  labelOf: (code: string) => string;
  /** Fill of a shape; `stroke` too when given (QPV). */
  fillOf: (code: string) => string;
  stroke?: string;
  /** Shapes drawn faded. */
  faded?: (code: string) => boolean;
  /** A QPV drawn thicker. */
  emphasis?: string | null;
}

/**
 * One `<a><path/></a>` per territory, in the given order (later shapes are drawn on top).
 * @example territoriesMarkup(geometry.communes, { hrefOf, labelOf, fillOf })
 */
export function territoriesMarkup(
  shapes: readonly TerritoryShape[],
  o: TerritoriesMarkupOptions
): string {
  let out = '';
  for (const t of shapes) {
    const href = o.hrefOf(t.code);
    const classes = [
      o.faded?.(t.code) ? 'faded' : '',
      t.code === o.emphasis ? 'emphasis' : '',
      t.generation === '2015' ? 'approx' : ''
    ]
      .filter(Boolean)
      .join(' ');
    out +=
      `<a${href === null ? '' : ` href="${escapeMarkup(href)}"`}` +
      ` aria-label="${escapeMarkup(o.labelOf(t.code))}" data-code="${escapeMarkup(t.code)}">` +
      `<path d="${escapeMarkup(t.path)}" fill="${escapeMarkup(o.fillOf(t.code))}"` +
      (o.stroke ? ` stroke="${escapeMarkup(o.stroke)}"` : '') +
      (classes ? ` class="${classes}"` : '') +
      `/></a>`;
  }
  return out;
}

/** The territory code of the shape an event happened on, or null. */
export function territoryCodeOf(target: EventTarget | null): string | null {
  const el =
    target && typeof (target as Element).closest === 'function'
      ? (target as Element).closest('a[data-code]')
      : null;
  return el?.getAttribute('data-code') ?? null;
}
