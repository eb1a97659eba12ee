/** Colours of the context layers, shared by the layers and the legend. */
export const QPV_COLOR = '#b3005f';
/** Legend swatch of the transit lines (each line is drawn in its network colour). */
export const TRANSIT_LINE_LEGEND_COLOR = '#3376b8';
export const STOP_COLORS = { tram: '#1d1d1b', chrono: '#3b3b8f', bus: '#6b6b6b' } as const;

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
