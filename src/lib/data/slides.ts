/**
 * Loaders of meeting mode: the slides of a sequence (`/presentation/diapositives/<code>.json`,
 * written at build time, one per commune or QPV) and the SVG map they draw. The page imports this
 * module when a sequence is opened, so its first view carries neither the slides nor zod.
 */
import { slideDataSchema, type SlideData } from '../schemas/slides';
import { svgOverviewSchema, type SvgOverview } from '../schemas/svg-map';
import { AppDataError } from './app-data-error';
// Not `app-data.ts`: its registry would build the schema of every generated file.
import { fetchText, loadFile, parseJson, settle, validateData, type Loaded } from './load-file';

type Fetch = typeof globalThis.fetch;

/** URL of a territory's slide file. */
export const slideFile = (code: string, base = '') =>
  `${base}/presentation/diapositives/${encodeURIComponent(code)}.json`;

const cache = new Map<string, Promise<SlideData>>();

/** One slide, validated; the error names the file and the first bad field. */
export function loadSlide(fetchFn: Fetch, code: string, base = ''): Promise<SlideData> {
  const file = slideFile(code, base);
  const cached = cache.get(file);
  if (cached) return cached;
  const promise = fetchText(fetchFn, file).then((text) => {
    const slide = validateData(file, slideDataSchema, parseJson(file, text));
    if (slide.code !== code)
      throw new AppDataError(file, `diapositive de ${slide.code} au lieu de ${code}`, 'code');
    return slide;
  });
  cache.set(file, promise);
  promise.catch(() => cache.delete(file));
  return promise;
}

/**
 * The slides of a sequence, in its order, and the slides' map. The map is settled: a broken map
 * file leaves its French message in the map's place, the slides still show.
 */
export async function loadDeck(
  fetchFn: Fetch,
  codes: readonly string[],
  base = ''
): Promise<{ slides: SlideData[]; geometry: Loaded<SvgOverview> }> {
  const [slides, geometry] = await Promise.all([
    Promise.all(codes.map((code) => loadSlide(fetchFn, code, base))),
    settle(loadFile(fetchFn, 'svgOverview', svgOverviewSchema, base))
  ]);
  return { slides, geometry };
}
