/**
 * The placed names of an SVG map as markup (pure). The map injects it with `{@html}` so that
 * hydration keeps the prerendered names as they are and places nothing until the page's layout has
 * settled (see SvgMap). Positions are in viewBox units, rounded to 0.01.
 */
import { escapeMarkup } from '../../format/markup';
import { LEADER_STYLE, type PlacedLabel } from '../scheme/labels';
import type { ViewBox } from './view';

export interface LabelsMarkupOptions {
  /** viewBox the names were placed in, and its scale (px per unit). */
  viewBox: ViewBox;
  pxPerUnit: number;
  /** Link of a commune's name, or null for none. */
  hrefOf: (code: string) => string | null;
  /** The selected commune (its name is underlined). */
  selected: string | null;
}

/**
 * One `<a><text/></a>` per name (after its leader line and dot when it is a callout); the text
 * carries `data-code`, `callout` and `sel` classes.
 * @example labelsMarkup(placement.placed, { viewBox, pxPerUnit, hrefOf: () => null, selected: null })
 */
export function labelsMarkup(placed: readonly PlacedLabel[], options: LabelsMarkupOptions): string {
  const [x0, y0] = options.viewBox;
  const k = options.pxPerUnit;
  const r = (n: number) => String(Math.round(n * 100) / 100);
  const x = (px: number) => r(x0 + px / k);
  const y = (px: number) => r(y0 + px / k);
  const len = (px: number) => r(px / k);
  return placed
    .map((p) => {
      const leader = p.leader
        ? `<line class="leader" x1="${x(p.leader.x1)}" y1="${y(p.leader.y1)}" x2="${x(p.leader.x2)}" y2="${y(p.leader.y2)}"/>` +
          `<circle class="dot" cx="${x(p.leader.x1)}" cy="${y(p.leader.y1)}" r="${len(LEADER_STYLE.dotRadius)}"/>`
        : '';
      const href = options.hrefOf(p.code);
      const classes = [p.leader ? 'callout' : '', p.code === options.selected ? 'sel' : '']
        .filter(Boolean)
        .join(' ');
      return (
        `${leader}<a${href === null ? '' : ` href="${escapeMarkup(href)}"`} tabindex="-1">` +
        `<text x="${x(p.x)}" y="${y(p.y)}" font-size="${len(p.fontPx)}" font-weight="${p.weight}"` +
        ` stroke-width="${len(3)}" data-code="${escapeMarkup(p.code)}"` +
        `${classes ? ` class="${classes}"` : ''}>${escapeMarkup(p.text)}</text></a>`
      );
    })
    .join('');
}
