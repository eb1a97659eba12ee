/**
 * PNG export of the current map with its title, legend, sources and date, composited on a 2D
 * canvas from MapLibre's WebGL canvas.
 *
 * WebGL clears its drawing buffer after each frame (MapLibre does not set
 * `preserveDrawingBuffer`, which would slow every frame), so the pixels are copied inside the
 * map's `render` event, right after a repaint is requested: `captureMapCanvas(map)`.
 * The commune names of the atlas are HTML labels, not map pixels: pass them as `labels` (CSS
 * pixels relative to the map container) and they are drawn on the image.
 *
 * Usage (E1, in the component that owns the MapLibre `map`):
 * ```ts
 * const blob = await exportMapPng(map, {
 *   title: 'Taux de logements sociaux (SRU)',
 *   legendTitle: 'Quantiles',
 *   legend: [{ label: 'de 5,0 % à moins de 10,0 %', color: '#fde0c5' }, …,
 *            { label: 'non soumise', color: '#ffffff' }, { label: 'pas de donnée', color: null }],
 *   sources: ['Inventaire SRU (DGALN), LLS au 1er janvier 2024', '…'],
 *   date: formatDateFr(new Date()),
 *   labels: visibleLabels // [{ text: 'Grenoble', x: 412, y: 280 }]
 * });
 * downloadBlob(blob, 'carte-taux-lls.png'); // from ./download
 * ```
 */
import { inlineFaceRules, pageFacesReady } from '../fonts/browser';
import { FONT_STACK } from '../fonts/typography';
import { LEADER_STYLE, type Measure } from '../map/scheme/labels';
import { canvasMeasure } from '../map/text-measure';

export interface LegendEntry {
  label: string;
  /** Fill colour; null draws a hatched « no data » swatch. */
  color: string | null;
  /** Draw the colour as an outline over a light tint (QPV perimeters). */
  outline?: boolean;
  /** A line (transit lines) or a dot (stops) in the colour, instead of a filled square. */
  shape?: 'line' | 'dot';
}

export interface MapLabel {
  text: string;
  /** Centre of the label in CSS pixels, relative to the map container. */
  x: number;
  y: number;
  /**
   * Font size (CSS px, 13 if unknown) and family on screen: drawn the same, the names keep the
   * gaps between them that the screen's placement left.
   */
  size?: number;
  family?: string;
  /** A callout's leader line, from the territory's anchor to the name, CSS px like x and y. */
  leader?: { x1: number; y1: number; x2: number; y2: number };
  /** Shown without its count, for want of room (the image then says so: `notes`). */
  short?: true;
}

/** A rectangle in CSS pixels of the map container. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MapPngOptions {
  title: string;
  subtitle?: string;
  legendTitle?: string;
  legend: readonly LegendEntry[];
  /** One line per source (title, producer, vintage). */
  sources: readonly string[];
  /** Notes on reading the map, after the sources. */
  notes?: readonly string[];
  /** Date of the export, already formatted (« 25 novembre 2026 »): no clock in here. */
  date: string;
  labels?: readonly MapLabel[];
}

/** What the compositor needs of a MapLibre map (keeps this module free of a MapLibre import). */
export interface RenderableMap {
  getCanvas(): HTMLCanvasElement;
  once(type: 'render', listener: () => void): unknown;
  triggerRepaint(): void;
}

export type { Measure };

/** Greedy word wrap of `text` into lines no wider than `maxWidth` (a long word gets its own line). */
export function wrapText(text: string, maxWidth: number, font: string, measure: Measure): string[] {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && measure(candidate, font) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line !== '') lines.push(line);
  return lines;
}

export interface PngLayout {
  width: number;
  height: number;
  /** Unit of the layout: 1 CSS px in device pixels. */
  ratio: number;
  header: { titleY: number; subtitleY: number | null; height: number };
  map: { x: number; y: number; width: number; height: number };
  legend: { titleY: number | null; rows: { entry: LegendEntry; x: number; y: number }[] };
  footer: { lines: { text: string; y: number }[] };
  fonts: { title: string; subtitle: string; legend: string; legendTitle: string; footer: string };
}

/** Margin of the image, CSS px. */
const PAD_PX = 16;

/** Fonts of the image at `ratio` device pixels per CSS pixel. */
function pngFonts(ratio: number) {
  const u = (n: number) => Math.round(n * ratio);
  return {
    title: `700 ${u(22)}px ${FONT_STACK}`,
    subtitle: `400 ${u(15)}px ${FONT_STACK}`,
    legendTitle: `700 ${u(14)}px ${FONT_STACK}`,
    legend: `400 ${u(14)}px ${FONT_STACK}`,
    footer: `400 ${u(12)}px ${FONT_STACK}`
  };
}

/**
 * The narrowest image (CSS px) whose title and subtitle fit on their line, and never narrower
 * than `floor` (room for the legend): what the crop of the map is widened to. Pure.
 */
export function headerWidth(
  options: Pick<MapPngOptions, 'title' | 'subtitle'>,
  measure: Measure,
  floor = 480
): number {
  const fonts = pngFonts(1);
  const widths = [
    measure(options.title, fonts.title),
    options.subtitle ? measure(options.subtitle, fonts.subtitle) : 0
  ];
  return Math.ceil(Math.max(floor, ...widths.map((w) => w + 2 * PAD_PX)));
}

/**
 * Pure layout of the image: title band, map, legend in rows, then sources and date wrapped to the
 * image width. `ratio` = device pixels per CSS pixel of the map canvas.
 */
export function layoutMapPng(
  mapWidth: number,
  mapHeight: number,
  ratio: number,
  options: MapPngOptions,
  measure: Measure
): PngLayout {
  const u = (n: number) => Math.round(n * ratio);
  const pad = u(PAD_PX);
  const fonts = pngFonts(ratio);
  const width = mapWidth;
  const titleY = pad + u(22);
  const subtitleY = options.subtitle ? titleY + u(22) : null;
  const headerHeight = (subtitleY ?? titleY) + u(12);

  const mapBox = { x: 0, y: headerHeight, width: mapWidth, height: mapHeight };
  let y = headerHeight + mapHeight + pad;
  let legendTitleY: number | null = null;
  if (options.legendTitle) {
    legendTitleY = y + u(14);
    y = legendTitleY + u(8);
  }
  const swatch = u(16);
  const gap = u(8);
  const rows: PngLayout['legend']['rows'] = [];
  let x = pad;
  let rowTop = y;
  for (const entry of options.legend) {
    const w = swatch + gap + measure(entry.label, fonts.legend) + u(20);
    if (x > pad && x + w > width - pad) {
      x = pad;
      rowTop += swatch + gap;
    }
    rows.push({ entry, x, y: rowTop });
    x += w;
  }
  y = (options.legend.length > 0 ? rowTop + swatch : y) + pad;

  const footerLines: { text: string; y: number }[] = [];
  const texts = [
    ...options.sources.map((s, i) => (i === 0 ? `Sources : ${s}` : s)),
    ...(options.notes ?? []),
    `Carte exportée le ${options.date} — Atlas PLH`
  ];
  for (const t of texts) {
    for (const line of wrapText(t, width - 2 * pad, fonts.footer, measure)) {
      y += u(16);
      footerLines.push({ text: line, y });
    }
  }
  return {
    width,
    height: y + pad,
    ratio,
    header: { titleY, subtitleY, height: headerHeight },
    map: mapBox,
    legend: { titleY: legendTitleY, rows },
    footer: { lines: footerLines },
    fonts
  };
}

/**
 * Copies the map's current frame into a 2D canvas, inside the `render` event (the only moment
 * the WebGL buffer is guaranteed to hold the frame).
 */
export function captureMapCanvas(map: RenderableMap): Promise<HTMLCanvasElement> {
  return new Promise((resolve, reject) => {
    map.once('render', () => {
      try {
        const source = map.getCanvas();
        const copy = document.createElement('canvas');
        copy.width = source.width;
        copy.height = source.height;
        const ctx = copy.getContext('2d');
        if (!ctx) throw new Error('canvas 2D indisponible');
        ctx.drawImage(source, 0, 0);
        resolve(copy);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    map.triggerRepaint();
  });
}

/** Draws title, map frame, labels, legend and footer; returns the PNG. */
export async function composeMapPng(
  frame: HTMLCanvasElement,
  cssWidth: number,
  options: MapPngOptions
): Promise<Blob> {
  const ratio = cssWidth > 0 ? frame.width / cssWidth : 1;
  // The canvas draws text in the page's face only once it has loaded (else in a fallback).
  await pageFacesReady();
  const out = document.createElement('canvas');
  const measure = canvasMeasure();
  const layout = layoutMapPng(frame.width, frame.height, ratio, options, measure);
  out.width = layout.width;
  out.height = layout.height;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('canvas 2D indisponible');
  const u = (n: number) => Math.round(n * ratio);
  const pad = u(16);

  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = '#111111';
  ctx.textBaseline = 'alphabetic';
  ctx.font = layout.fonts.title;
  ctx.fillText(options.title, pad, layout.header.titleY);
  if (options.subtitle && layout.header.subtitleY !== null) {
    ctx.font = layout.fonts.subtitle;
    ctx.fillStyle = '#333333';
    ctx.fillText(options.subtitle, pad, layout.header.subtitleY);
  }

  ctx.drawImage(frame, layout.map.x, layout.map.y);
  ctx.strokeStyle = '#555555';
  ctx.lineWidth = Math.max(1, u(1));
  ctx.strokeRect(layout.map.x, layout.map.y, layout.map.width, layout.map.height);

  if (options.labels) {
    // Leader lines first, under every name, as on screen.
    for (const { leader } of options.labels) {
      if (!leader) continue;
      const x1 = layout.map.x + leader.x1 * ratio;
      const y1 = layout.map.y + leader.y1 * ratio;
      ctx.strokeStyle = LEADER_STYLE.color;
      ctx.lineWidth = LEADER_STYLE.width * ratio;
      ctx.beginPath();
      ctx.moveTo(x1, y1);
      ctx.lineTo(layout.map.x + leader.x2 * ratio, layout.map.y + leader.y2 * ratio);
      ctx.stroke();
      ctx.fillStyle = LEADER_STYLE.dotColor;
      ctx.beginPath();
      ctx.arc(x1, y1, LEADER_STYLE.dotRadius * ratio, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    for (const label of options.labels) {
      const x = layout.map.x + label.x * ratio;
      const y = layout.map.y + label.y * ratio;
      if (y < layout.map.y || y > layout.map.y + layout.map.height) continue;
      if (x < layout.map.x || x > layout.map.x + layout.map.width) continue;
      ctx.font = `600 ${u(label.size ?? 13)}px ${label.family ?? FONT_STACK}`;
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = u(2.5);
      ctx.strokeText(label.text, x, y);
      ctx.fillStyle = '#111111';
      ctx.fillText(label.text, x, y);
    }
    ctx.textAlign = 'start';
    ctx.textBaseline = 'alphabetic';
  }

  if (options.legendTitle && layout.legend.titleY !== null) {
    ctx.font = layout.fonts.legendTitle;
    ctx.fillStyle = '#111111';
    ctx.fillText(options.legendTitle, pad, layout.legend.titleY);
  }
  const swatch = u(16);
  ctx.font = layout.fonts.legend;
  for (const row of layout.legend.rows) {
    if (row.entry.color && row.entry.shape) {
      ctx.fillStyle = row.entry.color;
      if (row.entry.shape === 'line')
        ctx.fillRect(row.x, row.y + swatch / 2 - u(1.5), swatch, u(3));
      else {
        ctx.beginPath();
        ctx.arc(row.x + swatch / 2, row.y + swatch / 2, u(4.5), 0, 2 * Math.PI);
        ctx.fill();
      }
      ctx.fillStyle = '#111111';
      ctx.fillText(row.entry.label, row.x + swatch + u(8), row.y + swatch - u(3));
      continue;
    }
    if (row.entry.color && row.entry.outline) {
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(row.x, row.y, swatch, swatch);
      ctx.globalAlpha = 0.18;
      ctx.fillStyle = row.entry.color;
      ctx.fillRect(row.x, row.y, swatch, swatch);
      ctx.globalAlpha = 1;
    } else if (row.entry.color) {
      ctx.fillStyle = row.entry.color;
      ctx.fillRect(row.x, row.y, swatch, swatch);
    } else {
      // Hatched swatch: « no data » must not look like a class colour.
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(row.x, row.y, swatch, swatch);
      ctx.strokeStyle = '#777777';
      ctx.lineWidth = Math.max(1, u(1));
      for (let d = -swatch; d < swatch; d += u(4)) {
        ctx.beginPath();
        ctx.moveTo(row.x + Math.max(0, d), row.y + Math.max(0, -d));
        ctx.lineTo(row.x + Math.min(swatch, swatch + d), row.y + Math.min(swatch, swatch - d));
        ctx.stroke();
      }
    }
    ctx.strokeStyle = row.entry.outline && row.entry.color ? row.entry.color : '#555555';
    ctx.lineWidth = Math.max(1, u(row.entry.outline ? 2 : 1));
    ctx.strokeRect(row.x, row.y, swatch, swatch);
    ctx.fillStyle = '#111111';
    ctx.fillText(row.entry.label, row.x + swatch + u(8), row.y + swatch - u(3));
  }

  ctx.font = layout.fonts.footer;
  ctx.fillStyle = '#333333';
  for (const line of layout.footer.lines) ctx.fillText(line.text, pad, line.y);

  return new Promise((resolve, reject) =>
    out.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('export PNG impossible'))),
      'image/png'
    )
  );
}

/**
 * [x0, x1] widened on both sides to `minWidth`, within [0, `limit`] when given: what one edge
 * stops goes to the other side. Pure.
 */
export function widenSpan(x0: number, x1: number, minWidth: number, limit = Infinity) {
  const missing = Math.min(minWidth, limit) - (x1 - x0);
  if (missing <= 0) return [x0, x1] as const;
  let a = x0 - missing / 2;
  let b = x1 + missing / 2;
  if (Number.isFinite(limit)) {
    if (a < 0) [b, a] = [b - a, 0];
    if (b > limit) [a, b] = [a - (b - limit), limit];
  }
  return [a, b] as const;
}

/**
 * The part of the map canvas to export, in CSS px: the union of `boxes` (the EPCI's extent, the
 * names shown) plus `margin`, widened to `minWidth` around its centre so that the title and the
 * legend keep room, and kept inside the `canvas`. The map on screen leaves room for the floating
 * legend and the buttons; the image is centred on the territory instead. Null when there is
 * nothing to frame (the whole canvas is exported). Pure.
 */
export function exportCrop(
  boxes: readonly Box[],
  canvas: { width: number; height: number },
  margin = 12,
  minWidth = 480
): Box | null {
  const drawn = boxes.filter((b) => b.width > 0 && b.height > 0);
  if (drawn.length === 0 || canvas.width <= 0 || canvas.height <= 0) return null;
  let x0 = Math.max(0, Math.min(...drawn.map((b) => b.x)) - margin);
  let x1 = Math.min(canvas.width, Math.max(...drawn.map((b) => b.x + b.width)) + margin);
  const y0 = Math.max(0, Math.min(...drawn.map((b) => b.y)) - margin);
  const y1 = Math.min(canvas.height, Math.max(...drawn.map((b) => b.y + b.height)) + margin);
  if (x1 <= x0 || y1 <= y0) return null;
  [x0, x1] = widenSpan(x0, x1, minWidth, canvas.width);
  const round = (n: number) => Math.round(n);
  return { x: round(x0), y: round(y0), width: round(x1 - x0), height: round(y1 - y0) };
}

/**
 * Captures the map and composes the PNG; with `crop` (CSS px of the map, see `exportCrop`) only
 * that part of the map is kept, the labels moved with it.
 */
export async function exportMapPng(
  map: RenderableMap,
  options: MapPngOptions,
  crop: Box | null = null
): Promise<Blob> {
  const frame = await captureMapCanvas(map);
  const cssWidth = map.getCanvas().clientWidth;
  if (!crop || cssWidth <= 0) return composeMapPng(frame, cssWidth, options);
  const ratio = frame.width / cssWidth;
  const cut = document.createElement('canvas');
  cut.width = Math.round(crop.width * ratio);
  cut.height = Math.round(crop.height * ratio);
  const ctx = cut.getContext('2d');
  if (!ctx) throw new Error('canvas 2D indisponible');
  ctx.drawImage(
    frame,
    Math.round(crop.x * ratio),
    Math.round(crop.y * ratio),
    cut.width,
    cut.height,
    0,
    0,
    cut.width,
    cut.height
  );
  const dx = (n: number) => n - crop.x;
  const dy = (n: number) => n - crop.y;
  return composeMapPng(cut, crop.width, {
    ...options,
    labels: options.labels?.map(({ leader, ...l }) => ({
      ...l,
      x: dx(l.x),
      y: dy(l.y),
      ...(leader
        ? { leader: { x1: dx(leader.x1), y1: dy(leader.y1), x2: dx(leader.x2), y2: dy(leader.y2) } }
        : {})
    }))
  });
}

/** Presentation properties copied inline, so the serialised SVG draws as on screen. */
const INLINE_STYLES = [
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linejoin',
  'stroke-linecap',
  'paint-order',
  'vector-effect',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'display',
  'visibility',
  'opacity'
] as const;

/**
 * Rasterises the SVG map (no WebGL needed): the SVG is cloned with its computed styles inlined,
 * cropped to the EPCI and the names (so the map is centred, without the room left on screen
 * for the floating legend), drawn at 2× through an <img>, then composed like the MapLibre export.
 * Names are already in the SVG, so `options.labels` is ignored.
 */
export async function exportSvgMapPng(svg: SVGSVGElement, options: MapPngOptions): Promise<Blob> {
  // The header's width is measured in the page's face.
  await pageFacesReady();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const source = [svg, ...svg.querySelectorAll('*')];
  const target = [clone, ...clone.querySelectorAll('*')];
  source.forEach((el, i) => {
    const copy = target[i] as SVGElement | undefined;
    if (!copy || !(el instanceof SVGElement)) return;
    const cs = getComputedStyle(el);
    const style = INLINE_STYLES.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
    copy.setAttribute('style', style);
    copy.removeAttribute('class');
  });
  clone.querySelectorAll('.overlay, title, desc').forEach((el) => el.remove());
  // Crop: EPCI outline ∪ names, plus a margin; the scale bar moves into the crop's corner.
  const units = (px: number) => px * (svg.viewBox.baseVal.width / svg.clientWidth);
  const boxes = [
    ...svg.querySelectorAll<SVGGraphicsElement>('path.epci, g.labels, g.qpv, g.communes')
  ].map((el) => el.getBBox());
  const m = units(12);
  // Wide enough for the title and the legend: a tall territory with few callouts is narrow.
  const [x0, x1] = widenSpan(
    Math.min(...boxes.map((b) => b.x)) - m,
    Math.max(...boxes.map((b) => b.x + b.width)) + m,
    units(headerWidth(options, canvasMeasure()))
  );
  const y0 = Math.min(...boxes.map((b) => b.y)) - m;
  const y1 = Math.max(...boxes.map((b) => b.y + b.height)) + m;
  const scale = svg.querySelector<SVGGraphicsElement>('g.scale');
  const scaleClone = clone.querySelector('g.scale');
  if (scale && scaleClone) {
    const b = scale.getBBox();
    scaleClone.setAttribute(
      'transform',
      `translate(${x1 - m / 2 - (b.x + b.width)},${y1 - m / 2 - (b.y + b.height)})`
    );
  }
  const cssWidth = Math.round((x1 - x0) / units(1));
  const cssHeight = Math.round((y1 - y0) / units(1));
  const ratio = 2;
  clone.setAttribute('viewBox', `${x0} ${y0} ${x1 - x0} ${y1 - y0}`);
  clone.setAttribute('width', String(cssWidth * ratio));
  clone.setAttribute('height', String(cssHeight * ratio));
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.style.background = '#eef0ec';
  // An SVG drawn as an image loads nothing: the names' face goes in, as data.
  const faces = await inlineFaceRules();
  if (faces) {
    const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
    style.textContent = faces;
    clone.insertBefore(style, clone.firstChild);
  }
  const text = new XMLSerializer().serializeToString(clone);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('image SVG illisible'));
      img.src = url;
    });
    const frame = document.createElement('canvas');
    frame.width = cssWidth * ratio;
    frame.height = cssHeight * ratio;
    const ctx = frame.getContext('2d');
    if (!ctx) throw new Error('canvas 2D indisponible');
    ctx.fillStyle = '#eef0ec';
    ctx.fillRect(0, 0, frame.width, frame.height);
    ctx.drawImage(img, 0, 0, frame.width, frame.height);
    return composeMapPng(frame, cssWidth, { ...options, labels: [] });
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** « 25 novembre 2026 ». */
export function formatDateFr(date: Date): string {
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' }).format(date);
}
