/**
 * Framing of the pre-projected SVG map (pure, no projection library): which viewBox shows the
 * focused territories in a container of a given size, where the anchors fall in pixels, and the
 * scale bar. Units: « u » = viewBox units of `svg-overview.json`, « px » = CSS pixels.
 */
import type { SvgOverview } from '../../schemas/svg-map';
import type { NameAnchor } from '../scheme/labels';

export type BBox = [number, number, number, number];
export type ViewBox = [number, number, number, number];
export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}
export const NO_PADDING: Padding = { top: 0, right: 0, bottom: 0, left: 0 };

/** Union of the boxes of the given commune / QPV codes; the EPCI's box when none is known. */
export function focusBox(geometry: SvgOverview, codes: readonly string[] | null): BBox {
  if (!codes || codes.length === 0) return geometry.epci.bbox;
  const want = new Set(codes);
  let box: BBox | null = null;
  for (const t of [...geometry.communes, ...geometry.qpv]) {
    if (!want.has(t.code)) continue;
    box = box
      ? [
          Math.min(box[0], t.bbox[0]),
          Math.min(box[1], t.bbox[1]),
          Math.max(box[2], t.bbox[2]),
          Math.max(box[3], t.bbox[3])
        ]
      : [...t.bbox];
  }
  return box ?? geometry.epci.bbox;
}

/**
 * viewBox showing `box` (u) as large as possible inside a `width` × `height` px container, within
 * `padding` px, centred in the padded area; the viewBox has the container's aspect, so that the
 * rest of the container shows the surroundings (and room for callouts).
 * @returns the viewBox and the scale in px per unit.
 */
export function frameViewBox(
  box: BBox,
  width: number,
  height: number,
  padding: Padding = NO_PADDING,
  margin = 0.03
): { viewBox: ViewBox; pxPerUnit: number } {
  const bw = Math.max(box[2] - box[0], 1) * (1 + 2 * margin);
  const bh = Math.max(box[3] - box[1], 1) * (1 + 2 * margin);
  const aw = Math.max(width - padding.left - padding.right, 40);
  const ah = Math.max(height - padding.top - padding.bottom, 40);
  const s = Math.min(aw / bw, ah / bh);
  const cx = (box[0] + box[2]) / 2;
  const cy = (box[1] + box[3]) / 2;
  // The box centre lands on the centre of the padded area.
  const px = padding.left + aw / 2;
  const py = padding.top + ah / 2;
  return {
    viewBox: [cx - px / s, cy - py / s, width / s, height / s],
    pxPerUnit: s
  };
}

/** A viewBox point in container px. */
export function toPx(viewBox: ViewBox, pxPerUnit: number, p: readonly [number, number]) {
  return { x: (p[0] - viewBox[0]) * pxPerUnit, y: (p[1] - viewBox[1]) * pxPerUnit };
}

/**
 * Scale bar: a round ground distance (1, 2 or 5 × 10^k m) drawn at most `maxPx` wide.
 * @returns metres, length in px and the French label (« 2 km », « 500 m »).
 */
export function scaleBar(
  metresPerUnit: number,
  pxPerUnit: number,
  maxPx = 120
): { metres: number; px: number; label: string } {
  const maxMetres = (maxPx / pxPerUnit) * metresPerUnit;
  const pow = 10 ** Math.floor(Math.log10(maxMetres));
  const metres = [5, 2, 1].map((k) => k * pow).find((m) => m <= maxMetres) ?? pow;
  return {
    metres,
    px: (metres / metresPerUnit) * pxPerUnit,
    label: metres >= 1000 ? `${String(metres / 1000).replace('.', ',')} km` : `${metres} m`
  };
}

/**
 * The communes of the overview to name (px), by `textOf` (default: the name; the name stays as
 * `shortText`), before their type size is chosen (`nameAttempts`). Priority: `priorityOf`, else
 * the inscribed circle's radius.
 */
export function communeLabelItems(
  geometry: SvgOverview,
  viewBox: ViewBox,
  pxPerUnit: number,
  options: {
    only?: readonly string[] | null;
    priorityOf?: (code: string) => number;
    textOf?: (code: string, nom: string) => string;
  } = {}
): NameAnchor[] {
  const only = options.only ? new Set(options.only) : null;
  return geometry.communes
    .filter((c) => !only || only.has(c.code))
    .map((c) => {
      const { x, y } = toPx(viewBox, pxPerUnit, c.anchor);
      const radius = c.anchorRadius * pxPerUnit;
      return {
        code: c.code,
        text: options.textOf ? options.textOf(c.code, c.nom) : c.nom,
        ...(options.textOf ? { shortText: c.nom } : {}),
        x,
        y,
        radius,
        priority: options.priorityOf ? options.priorityOf(c.code) : radius
      };
    });
}
