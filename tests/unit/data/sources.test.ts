import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { loadManifest, readSource, sourceById, tryReadSource } from '../../../src/lib/data/sources';
import { extractZipEntry, isZip, listZipEntries } from '../../../src/lib/data/zip';
import type { SourceEntry } from '../../../src/lib/schemas/sources-manifest';

const MIRROR = join(import.meta.dirname, '../../fixtures/sources/mirror');
const manifest = loadManifest(join(import.meta.dirname, '../../../data/sources.json'));

/** A one-entry deflate ZIP archive (CRC left at 0: the reader does not check it). */
function zipOf(name: string, content: Uint8Array): Uint8Array {
  const data = deflateRawSync(content);
  const nameBytes = new TextEncoder().encode(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const cdOffset = local.length + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return new Uint8Array(Buffer.concat([local, nameBytes, data, central, nameBytes, end]));
}

function fakeFetch(body: Uint8Array | null, calls: string[]): typeof fetch {
  return (async (input: string | URL | Request) => {
    calls.push(String(input));
    if (body === null) throw new Error('getaddrinfo ENOTFOUND');
    return new Response(Buffer.from(body));
  }) as typeof fetch;
}

let tmp: string | null = null;
afterEach(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  tmp = null;
});

describe('sources manifest', () => {
  it('loads data/sources.json with a URL or a mirror path for every non-npm source', () => {
    for (const s of manifest.sources) {
      if (s.format !== 'npm') expect(s.url !== null || s.mirrorPath !== null).toBe(true);
    }
  });

  it('names the manifest field at fault', () => {
    tmp = mkdtempSync(join(tmpdir(), 'plh-'));
    const path = join(tmp, 'sources.json');
    writeFileSync(path, JSON.stringify({ version: 1, sources: [{ id: 'Bad Id' }] }));
    expect(() => loadManifest(path)).toThrow(/sources\.json, champ « sources\.0\.id » : /);
  });
});

describe('tryReadSource', () => {
  const sru = sourceById(manifest, 'sru-inventaire');

  it('reads the mirror when it holds the file, without downloading', async () => {
    const calls: string[] = [];
    const got = await readSource(sru, {
      sourcesDir: MIRROR,
      cacheDir: null,
      fetchImpl: fakeFetch(null, calls)
    });
    expect(got.origin).toBe('mirror');
    expect(got.location).toBe(join(MIRROR, sru.mirrorPath ?? ''));
    expect(calls).toEqual([]);
  });

  it('downloads from the URL when the mirror lacks the file, and caches it', async () => {
    tmp = mkdtempSync(join(tmpdir(), 'plh-'));
    const calls: string[] = [];
    const body = new TextEncoder().encode('a;b\n1;2\n');
    const options = {
      sourcesDir: tmp,
      cacheDir: join(tmp, 'cache'),
      fetchImpl: fakeFetch(body, calls)
    };
    const got = await readSource(sru, options);
    expect(got).toMatchObject({ origin: 'url', location: sru.url });
    expect(new TextDecoder().decode(got.bytes)).toBe('a;b\n1;2\n');
    // Second read: from the cache, no new request.
    const again = await readSource(sru, { ...options, fetchImpl: fakeFetch(null, calls) });
    expect(new TextDecoder().decode(again.bytes)).toBe('a;b\n1;2\n');
    expect(calls).toEqual([sru.url]);
  });

  it('opens a ZIP archive and returns the entry named like the mirror file', async () => {
    const entry: SourceEntry = { ...sourceById(manifest, 'qpv-2024-perimetres') };
    const geojson = new TextEncoder().encode('{"type":"FeatureCollection","features":[]}');
    const zip = zipOf('GEOJSON/QP2024_France_Hexagonale_Outre_Mer_WGS84.geojson', geojson);
    const got = await tryReadSource(entry, {
      sourcesDir: null,
      cacheDir: null,
      fetchImpl: fakeFetch(zip, [])
    });
    expect('missing' in got).toBe(false);
    if (!('missing' in got))
      expect(new TextDecoder().decode(got.bytes)).toContain('FeatureCollection');
  });

  it('reports why a source is missing, naming the dataset', async () => {
    tmp = mkdtempSync(join(tmpdir(), 'plh-'));
    const qpv2015 = sourceById(manifest, 'qpv-2015');
    await expect(readSource(qpv2015, { sourcesDir: tmp, cacheDir: null })).rejects.toThrow(
      `geo/qpv-2015-isere.geojson : source « qpv-2015 » introuvable : absente du miroir (${join(tmp, 'geo/qpv-2015-isere.geojson')}) ; pas d’URL dans data/sources.json`
    );
    const failed = await tryReadSource(sru, {
      sourcesDir: tmp,
      cacheDir: null,
      fetchImpl: fakeFetch(null, [])
    });
    expect(failed).toEqual({
      missing: expect.stringContaining(
        `échec du téléchargement depuis ${sru.url} (getaddrinfo ENOTFOUND)`
      )
    });
  });
});

describe('zip reader', () => {
  it('lists and extracts entries', () => {
    const zip = zipOf('dir/data.csv', new TextEncoder().encode('x,y\n1,2\n'));
    expect(isZip(zip)).toBe(true);
    expect(listZipEntries(zip).map((e) => e.name)).toEqual(['dir/data.csv']);
    const got = extractZipEntry(zip, (n) => n.endsWith('.csv'));
    expect(got && new TextDecoder().decode(got.bytes)).toBe('x,y\n1,2\n');
    expect(extractZipEntry(zip, (n) => n.endsWith('.json'))).toBeNull();
  });

  it('rejects a truncated archive', () => {
    const zip = zipOf('a.csv', new TextEncoder().encode('x\n'));
    expect(() => listZipEntries(zip.slice(0, zip.length - 10))).toThrow(
      'ZIP : fin du répertoire central introuvable (archive tronquée ?)'
    );
  });

  it('is not fooled by a CSV', () => {
    expect(isZip(readFileSync(join(MIRROR, 'geo/qpv-2024-isere-liste.csv')))).toBe(false);
  });
});
