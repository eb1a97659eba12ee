/**
 * The loaders' error and the French text a page shows for a failed load. No zod, no fetch: the
 * header search imports it on every page, before any loader is fetched.
 */

/** A data file could not be loaded or does not match its contract. */
export class AppDataError extends Error {
  readonly file: string;
  /** Path of the offending field (`features[3].properties.code`), or null. */
  readonly field: string | null;
  /** What is wrong, without the file and field (« introuvable (HTTP 404) … »). */
  readonly detail: string;
  constructor(file: string, detail: string, field: string | null = null) {
    super(
      field === null
        ? `Fichier ${file} : ${detail}`
        : `Fichier ${file}, champ « ${field} » : ${detail}`
    );
    this.name = 'AppDataError';
    this.file = file;
    this.field = field;
    this.detail = detail;
  }
}

/**
 * An error as it crosses from a worker to the page (`postMessage` keeps neither its class nor,
 * in every browser, its fields): what `loadFailureMessage` needs to word it the same.
 */
export type WireError =
  | { kind: 'data'; file: string; detail: string; field: string | null }
  | { kind: 'type'; message: string }
  | { kind: 'other'; message: string };

/** The error a worker posts. */
export function errorToWire(error: unknown): WireError {
  if (error instanceof AppDataError)
    return { kind: 'data', file: error.file, detail: error.detail, field: error.field };
  const message = error instanceof Error ? error.message : String(error);
  return error instanceof TypeError ? { kind: 'type', message } : { kind: 'other', message };
}

/** The page's copy of a worker's error: same class, same French message. */
export function errorFromWire(wire: WireError): Error {
  if (wire.kind === 'data') return new AppDataError(wire.file, wire.detail, wire.field);
  return wire.kind === 'type' ? new TypeError(wire.message) : new Error(wire.message);
}

/** Advice when the app's own files (data, a lazily loaded script) could not be fetched. */
export const CONNECTION_ADVICE = 'vérifiez la connexion puis rechargez la page';
/** Advice for any other failure: its own message may be English or meaningless to a user. */
export const UNEXPECTED_ADVICE = 'erreur inattendue, rechargez la page';

// What browsers say when fetch() or import() cannot reach the server (Chromium, Firefox, Safari):
// « Failed to fetch (dynamically imported module) », « NetworkError when attempting to fetch
// resource », « error loading dynamically imported module », « Load failed », « Importing a module
// script failed ». Always a TypeError.
const NETWORK_MESSAGE = /fetch|network|load|import/i;

/**
 * French message for a load that failed, after the call site's own sentence (`context`, e.g.
 * « Les diapositives n’ont pas pu être chargées »): an AppDataError gives its message (French,
 * names the file and field); a network failure gives CONNECTION_ADVICE; anything else
 * UNEXPECTED_ADVICE — never the error's own message, which may be a library's English text.
 */
export function loadFailureMessage(error: unknown, context: string): string {
  if (error instanceof AppDataError) return `${context}. ${error.message}`;
  const network = error instanceof TypeError && NETWORK_MESSAGE.test(error.message);
  return `${context} : ${network ? CONNECTION_ADVICE : UNEXPECTED_ADVICE}.`;
}
