/**
 * Colour-blind-safe sequential palettes (ColorBrewer 2.0 schemes flagged "colorblind safe", and
 * viridis), light = low, dark = high. The no-data colours are neutral greys, distinct from every
 * class so that « pas de donnée » is never read as a low value.
 */

export const PALETTES = {
  bleus: {
    label: 'Bleus',
    colors: ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#084594']
  },
  'jaune-vert-bleu': {
    label: 'Jaune-vert-bleu',
    colors: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84']
  },
  'orange-rouge': {
    label: 'Orange-rouge',
    colors: ['#fef0d9', '#fdd49e', '#fdbb84', '#fc8d59', '#ef6548', '#d7301f', '#990000']
  },
  viridis: {
    label: 'Viridis',
    colors: ['#fde725', '#a0da39', '#4ac16d', '#1fa187', '#277f8e', '#365c8d', '#46327e']
  }
} as const;
export type PaletteId = keyof typeof PALETTES;
export const PALETTE_IDS = Object.keys(PALETTES) as PaletteId[];

/** Not subject (e.g. SRU rate of a commune outside the SRU perimeter). */
export const NOT_APPLICABLE_COLOR = '#ffffff';
/** No data, or statistical secrecy. */
export const NO_DATA_COLOR = '#b8b8b8';
/**
 * « Objectif atteint (0) » of the deficit indicators (missing LLS, gap to target): a pale lilac,
 * apart from every palette's lightest class, from the white of « non soumise » and the grey of
 * « pas de donnée », so that a compliant commune never reads as a small deficit.
 */
export const REACHED_COLOR = '#ddd0ec';

/**
 * `k` colours of a palette, spread over its range so that few classes still contrast
 * (3 classes → light, middle, dark).
 */
export function paletteColors(id: PaletteId, k: number): string[] {
  const all = PALETTES[id].colors;
  const n = Math.max(1, Math.min(Math.round(k), all.length));
  if (n === 1) return [all[Math.floor(all.length / 2)]!];
  return Array.from({ length: n }, (_, i) => all[Math.round((i * (all.length - 1)) / (n - 1))]!);
}

/** Relative luminance (WCAG) of a #rrggbb colour, to pick a readable text colour on it. */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** Black or white, whichever contrasts more with the background colour. */
export function textColorOn(hex: string): '#000000' | '#ffffff' {
  const l = luminance(hex);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}

/**
 * Map of the propositions browser: a commune where the chosen workshop item applies, and one
 * where it does not (faded besides). Strong red on light grey: found at a glance, and the item's
 * « why » is in the tooltip and the list beside the map, never in the colour alone.
 */
export const ITEM_APPLIES_COLOR = '#c0392b';
export const ITEM_NOT_APPLIES_COLOR = '#f2f2f2';
