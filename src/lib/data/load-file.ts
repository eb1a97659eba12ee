/**
 * Loading one generated file: fetch, JSON parsing, zod validation against the schema the caller
 * gives. Every failure raises an `AppDataError` whose French message names the file and, for a
 * schema failure, the field (path into the file), so a broken build never gives a blank page.
 * Apart from `app-data.ts` (the registry of every file's schema) so a page that loads one file
 * builds only that file's schema: constructing all of them is a long task on a slow phone.
 */
import type { z } from 'zod';
import { AppDataError, CONNECTION_ADVICE } from './app-data-error';
import { DATA_FILES, type DataFileKey } from './data-files';
import { jsonSyntaxDetail } from './json-error';

/** `['features', 3, 'properties', 'code']` → `features[3].properties.code`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(racine)' : out;
}

/** Validates parsed JSON against a schema; the error names the file and the first bad field. */
export function validateData<S extends z.ZodType>(
  file: string,
  schema: S,
  data: unknown
): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new AppDataError(file, 'contenu invalide');
  const more =
    result.error.issues.length > 1
      ? ` (et ${result.error.issues.length - 1} autre(s) erreur(s))`
      : '';
  throw new AppDataError(file, `${issue.message}${more}`, formatIssuePath(issue.path));
}

type Fetch = typeof globalThis.fetch;

/** Fetches a file as text; the error says whether it is missing or the network failed. */
export async function fetchText(fetchFn: Fetch, file: string): Promise<string> {
  let res: Response;
  try {
    res = await fetchFn(file);
  } catch {
    // The browser's own text (« Failed to fetch », « Load failed ») is English and says no more.
    throw new AppDataError(file, `inaccessible par le réseau ; ${CONNECTION_ADVICE}`);
  }
  if (!res.ok) {
    throw new AppDataError(
      file,
      res.status === 404
        ? 'introuvable (HTTP 404) — lancez `npm run data` pour générer les données'
        : `erreur HTTP ${res.status}`
    );
  }
  return res.text();
}

/** Parses JSON text; the error names the file. */
export function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // Never the engine's English message: the place it gives, in French.
    throw new AppDataError(file, jsonSyntaxDetail(text, error));
  }
}

// In the browser (page or worker) a file is fetched once per page life, however many components
// ask for it. Not during prerendering: SvelteKit's per-request fetch must see every request to
// inline it.
const cache = new Map<string, Promise<unknown>>();
const inBrowser = typeof window !== 'undefined' || 'WorkerGlobalScope' in globalThis;

/**
 * Loads one generated JSON/GeoJSON file and validates it against `schema` (the file's contract:
 * `app-data.ts` pairs each file with its schema).
 * @param fetchFn SvelteKit's `fetch` in a `load`, or the global `fetch` in a component.
 * @param base the app's base path (`$app/paths` `base`), '' at the root.
 */
export function loadFile<S extends z.ZodType>(
  fetchFn: Fetch,
  key: DataFileKey,
  schema: S,
  base = ''
): Promise<z.infer<S>> {
  const file = `${base}${DATA_FILES[key]}`;
  const cached = inBrowser ? cache.get(file) : undefined;
  if (cached) return cached as Promise<z.infer<S>>;
  const promise = fetchText(fetchFn, file).then((text) => {
    const start = performance.now();
    const data = validateData(file, schema, parseJson(file, text));
    // Visible in the browser's performance timeline (the web bench reads these).
    performance.measure(`atlas-validate ${DATA_FILES[key]}`, { start });
    return data;
  });
  if (inBrowser) {
    cache.set(file, promise);
    // A failed load may succeed later (server back, file regenerated).
    promise.catch(() => cache.delete(file));
  }
  return promise;
}

/** Outcome of a load that must not stop the page: the page shows the French message instead. */
export type Loaded<T> = { ok: true; data: T } | { ok: false; error: string };

/** Runs a load and captures its error message, so one broken file does not blank the page. */
export async function settle<T>(promise: Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, data: await promise };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
