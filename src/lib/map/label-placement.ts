/**
 * Label placement for HTML labels drawn over the map (pure). The labels are DOM elements, not
 * MapLibre symbols, so they need no glyph server and render with no network; this greedy pass
 * hides the labels that would overlap a more important one.
 */

export interface LabelBox {
  id: string;
  /** Screen position of the anchor (label centre), px. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Higher first (e.g. population; the selected territory gets +Infinity). */
  priority: number;
}

/** Ids of the labels to show: by decreasing priority, a label is kept if it overlaps no kept one. */
export function placeLabels(
  boxes: readonly LabelBox[],
  viewport: { width: number; height: number },
  padding = 2
): Set<string> {
  const kept: LabelBox[] = [];
  const order = [...boxes].sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
  for (const b of order) {
    const left = b.x - b.width / 2;
    const top = b.y - b.height / 2;
    if (left < 0 || top < 0 || left + b.width > viewport.width || top + b.height > viewport.height)
      continue;
    const overlaps = kept.some(
      (k) =>
        Math.abs(k.x - b.x) * 2 < k.width + b.width + 2 * padding &&
        Math.abs(k.y - b.y) * 2 < k.height + b.height + 2 * padding
    );
    if (!overlaps) kept.push(b);
  }
  return new Set(kept.map((k) => k.id));
}
