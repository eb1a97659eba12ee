/** Colours of the context layers, shared by the layers and the legend. */
export const QPV_COLOR = '#b3005f';
export const STOP_COLORS = { tram: '#1d1d1b', chrono: '#3b3b8f', bus: '#6b6b6b' } as const;
/**
 * Legend rows of the transit layers, on screen and in the PNG: a line swatch (each line is drawn
 * in its network colour, the legend shows one) and a dot.
 */
export const TRANSIT_LEGEND = {
  lines: { label: 'Lignes de transport en commun', color: '#3376b8' },
  stops: { label: 'Arrêts', color: STOP_COLORS.tram }
} as const;

/** How a stop is named by the best mode serving it (map tooltip). */
export const STOP_MODE_LABELS = {
  tram: 'Arrêt de tram',
  chrono: 'Arrêt Chrono',
  bus: 'Arrêt de bus'
} as const;

/**
 * Fills of the sheet maps (screen and print) and of the atlas maps: the territory's commune(s),
 * the others, and `other` as the SVG map fades it (opacity 0.3 over its #eef0ec background),
 * which is what the legend must show.
 */
export const SHEET_MAP_FILLS = {
  focus: '#f4dca6',
  other: '#e4e7e0',
  faded: '#ebede8'
} as const;
