/**
 * Reading a source refuses, before any parser: a file over its size cap (checked with stat before
 * a byte is read, or on the Content-Length / bytes received of a download), an empty file, a wrong
 * encoding and a CSV whose last line was cut. Fixtures are written in the real formats to a temp
 * mirror; the size cap is injected, and one sparse 3 GB file checks that stat comes first.
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadManifest, readSource, sourceById } from '../../../src/lib/data/sources';
import { decodeWindows1252 } from '../../../src/lib/data/windows-1252';
import { encodeWindows1252 } from '../../fixtures/sources/generate-encoding';

const MIRROR = join(import.meta.dirname, '../../fixtures/sources/mirror');
const manifest = loadManifest(join(import.meta.dirname, '../../../data/sources.json'));
const sru = sourceById(manifest, 'sru-inventaire');
const liste = sourceById(manifest, 'qpv-2024-liste');
const grid = sourceById(manifest, 'filosofi-carreaux-1km');
const sruFixture = new Uint8Array(readFileSync(join(MIRROR, sru.mirrorPath ?? '')));
const offline = (async () => {
  throw new Error('offline (test)');
}) as typeof fetch;

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'plh-limits-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

/** Write `bytes` at the mirror path of `entry` in the temp mirror; returns the full path. */
function put(entry: { mirrorPath: string | null }, bytes: Uint8Array | string): string {
  const path = join(tmp, entry.mirrorPath ?? '');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  return path;
}
const read = (entry: typeof sru, extra: { maxBytes?: number; fetchImpl?: typeof fetch } = {}) =>
  readSource(entry, { sourcesDir: tmp, cacheDir: null, fetchImpl: offline, ...extra });

describe('size cap, checked before reading', () => {
  it('every file source of the manifest has a cap, far above its mirror file', () => {
    for (const s of manifest.sources.filter((x) => x.format !== 'npm')) {
      expect(s.maxSizeMB, s.id).toBeGreaterThan(0);
    }
    // The real national SRU file is 0.35 MB; 5 MB leaves a wide margin for later editions.
    expect(sru.maxSizeMB).toBe(5);
  });

  it('refuses a well-formed SRU file larger than the (injected) cap, naming file, size and cap', async () => {
    const path = put(sru, sruFixture);
    await expect(read(sru, { maxBytes: 200 })).rejects.toThrow(
      new RegExp(
        `^${path} : fichier de 0\\.0 Mo \\(\\d+ octets\\) au-delà du plafond de 0\\.0 Mo de la source « sru-inventaire » \\(maxSizeMB dans data/sources\\.json\\) : non lu`
      )
    );
    await expect(read(sru)).resolves.toMatchObject({ origin: 'mirror' });
  });

  it('refuses a 3 GB sparse file at once with the real cap: stat, not a read (a read would fail on its own)', async () => {
    // Sparse: no data block is written, only the size is set.
    const path = put(sru, '');
    truncateSync(path, 3 * 1024 ** 3);
    const started = performance.now();
    await expect(read(sru)).rejects.toThrow(
      `${path} : fichier de 3072.0 Mo (3221225472 octets) au-delà du plafond de 5.0 Mo de la source « sru-inventaire »`
    );
    // Informative only (speed targets are measured by npm run bench): stat answers in milliseconds.
    console.log(`3 GB sparse SRU file refused in ${Math.round(performance.now() - started)} ms`);
  });

  it('refuses a download whose Content-Length exceeds the cap, instead of treating it as missing', async () => {
    const huge = (async () =>
      new Response('x', {
        headers: { 'content-length': String(6 * 1024 * 1024) }
      })) as typeof fetch;
    await expect(read(sru, { fetchImpl: huge })).rejects.toThrow(
      `${sru.url} : fichier de 6.0 Mo (6291456 octets) au-delà du plafond de 5.0 Mo`
    );
  });

  it('stops reading a download without Content-Length as soon as it passes the cap', async () => {
    let pulled = 0;
    const endless = (async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            pulled++;
            controller.enqueue(new Uint8Array(64 * 1024));
          }
        })
      )) as typeof fetch;
    await expect(read(sru, { fetchImpl: endless, maxBytes: 1024 * 1024 })).rejects.toThrow(
      /au-delà du plafond de 1\.0 Mo/
    );
    expect(pulled).toBeLessThan(40);
  });
});

describe('empty, cut and wrongly encoded files', () => {
  it.each([
    ['an empty file', sru, new Uint8Array(0), / : fichier vide \(0 octet\)$/],
    [
      'a CSV whose last line is cut mid-row (« 0,00 € » cut to « 0,0 »)',
      sru,
      // « 1 234,50 €\n » cut to « 1 234,5 »: still a valid amount, so only the missing line break tells.
      sruFixture.subarray(0, sruFixture.length - 4),
      /, ligne 6 : le fichier ne se termine pas par un saut de ligne : sa dernière ligne a probablement été coupée/
    ],
    [
      'a Latin-1 QPV list where UTF-8 is expected',
      liste,
      new Uint8Array([
        ...new TextEncoder().encode('code_qp,lib_qp,insee_com\n'),
        ...encodeWindows1252(
          'QN03801M,La Luire - Viscose,38151\nQN03802M,Le Village Olympique - Échirolles,38151\n'
        )
      ]),
      /, ligne 3, champ « lib_qp » : séquence d’octets UTF-8 invalide \(caractère de remplacement « � »\)/
    ],
    [
      'a UTF-8 SRU file where Windows-1252 is expected',
      sru,
      new TextEncoder().encode(decodeWindows1252(sruFixture)),
      /, ligne 1, champ « Code_unitÃ©_urbaine » : texte UTF-8 lu comme du Windows-1252 \(« Ã© »\) : le fichier est en UTF-8, le manifeste indique windows-1252/
    ],
    [
      'a GeoJSON with a Latin-1 property',
      grid,
      new Uint8Array([
        ...new TextEncoder().encode(
          '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"idcar_1km":"CRS1","nom":"'
        ),
        ...encodeWindows1252('Carré'),
        ...new TextEncoder().encode('"},"geometry":null}]}')
      ]),
      /, ligne 1, entité 0 \(CRS1\), champ « properties\.nom » : séquence d’octets UTF-8 invalide/
    ]
  ] as const)('refuses %s, naming where', async (_name, entry, bytes, message) => {
    const path = put(entry, bytes);
    await expect(read(entry)).rejects.toThrow(message);
    await expect(read(entry)).rejects.toThrow(path);
  });

  it('accepts every file of the fixture mirror as it is', async () => {
    for (const s of manifest.sources) {
      if (s.mirrorPath === null) continue;
      try {
        copyFileSync(join(MIRROR, s.mirrorPath), put(s, ''));
      } catch {
        continue; // not in the fixture mirror
      }
      await expect(read(s)).resolves.toMatchObject({ origin: 'mirror' });
    }
  });
});
