/**
 * `npm run data` end to end (runPipeline) on a temp root: a bad source or a bad workshop CSV makes it
 * throw (the CLI exits 1 with the message) and leaves the previous outputs byte for byte; a changed
 * source makes ensure-data rebuild, so `npm run build` meets the same checks.
 */
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  utimesSync,
  writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REPO_ROOT } from '../../../scripts/lib/build';
import { runPipeline } from '../../../scripts/lib/run';
import { inputsFingerprint, rebuildReason } from '../../../scripts/lib/stamp';
import { checkWorkshopCsv, WORKSHOP_PATH } from '../../../scripts/lib/workshop-check';
import { STAMP_PATH } from '../../../scripts/lib/write';
import { encodeWindows1252 } from '../../fixtures/sources/generate-encoding';

const HERE = import.meta.dirname;
const MIRROR = join(HERE, '../../fixtures/sources/mirror');
const EPCI = '243000650';
const SRU = 'indicators/sru/donnees-sru-data-gouv-2025-v2_national.csv';
const LISTE = 'geo/qpv-2024-isere-liste.csv';
const offline = (async () => {
  throw new Error('offline (test)');
}) as typeof fetch;

let tmp: string;
let root: string;
let manifestPath: string;

/** Every file under `dir`, path → bytes. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p).toString('base64'));
    }
  };
  walk(dir);
  return out;
}

/** A copy of the fixture mirror with `edit` applied. */
function mirrorWith(name: string, edit: (dir: string) => void): string {
  const dir = join(tmp, name);
  cpSync(MIRROR, dir, { recursive: true });
  edit(dir);
  return dir;
}

const run = (sourcesDir: string) =>
  runPipeline(
    { PLH_SOURCES: sourcesDir, PLH_EPCI: EPCI },
    {
      rootDir: root,
      fetchImpl: offline,
      manifestPath,
      qpvCorrespondancePath: join(HERE, '../../fixtures/sources/qpv-correspondance.csv'),
      cacheDir: null
    }
  );

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'plh-run-'));
  root = join(tmp, 'root');
  mkdirSync(join(root, 'data/workshop'), { recursive: true });
  cpSync(join(REPO_ROOT, WORKSHOP_PATH), join(root, WORKSHOP_PATH));
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'data/sources.json'), 'utf8')) as {
    sources: { id: string; coverageEpci?: string[] }[];
  };
  for (const s of manifest.sources) {
    if (s.id === 'filosofi-carreaux-1km') s.coverageEpci = [EPCI];
  }
  manifestPath = join(tmp, 'sources.json');
  writeFileSync(manifestPath, JSON.stringify(manifest));
  vi.spyOn(console, 'log').mockImplementation(() => {});
  // A good run first: these are the « previous outputs ».
  await run(MIRROR);
}, 60_000);
afterAll(() => {
  vi.restoreAllMocks();
  rmSync(tmp, { recursive: true, force: true });
});

describe('a bad source stops npm run data and leaves the previous outputs untouched', () => {
  it('the good run wrote every output and its stamp', () => {
    const files = [...snapshot(join(root, 'static')).keys()];
    expect(files).toContain('data/sru.json');
    expect(files).toContain('data/indicators.json');
    expect(files).toContain('data/pipeline-stamp.json');
  });

  it.each([
    [
      'a second SRU row for 30003 with LLS 1 and 0,01 %',
      () =>
        mirrorWith('dup-sru', (d) => {
          const bytes = readFileSync(join(d, SRU));
          const row = encodeWindows1252(
            'Hexagone;Occitanie;Gard;30;30003;COMMUNE FICTIVE UN;9000;243000650;CC Fictive;0;30999;Fictive;1;0;1;1;1;0,01%;1;1;0;25%;0,00 €\n'
          );
          writeFileSync(join(d, SRU), Buffer.concat([bytes, row]));
        }),
      /donnees-sru-data-gouv-2025-v2_national\.csv, ligne 7, champ « Code_INSEE_commune » : clé en double « 30003 » \(déjà ligne 2\)/
    ],
    [
      'a Latin-1 QPV list',
      () =>
        mirrorWith('latin1', (d) => {
          const text = readFileSync(join(d, LISTE), 'utf8');
          writeFileSync(join(d, LISTE), encodeWindows1252(text));
        }),
      /qpv-2024-isere-liste\.csv, ligne 2, champ « lib_qp » : séquence d’octets UTF-8 invalide/
    ],
    [
      'an SRU file with a header and no row',
      () =>
        mirrorWith('empty-sru', (d) => {
          const bytes = readFileSync(join(d, SRU));
          writeFileSync(join(d, SRU), bytes.subarray(0, bytes.indexOf(0x0a) + 1));
        }),
      /national\.csv, ligne 2 : aucune ligne de données après l’en-tête/
    ],
    [
      'a 200 MB SRU file (sparse)',
      () =>
        mirrorWith('huge', (d) => {
          truncateSync(join(d, SRU), 200 * 1024 * 1024);
        }),
      /national\.csv : fichier de 200\.0 Mo \(209715200 octets\) au-delà du plafond de 5\.0 Mo de la source « sru-inventaire »/
    ],
    [
      'a contour with a longitude of 500',
      () =>
        mirrorWith('lon500', (d) => {
          const p = join(d, 'geo/communes-38-isere-adminexpress-cog2018.geojson');
          writeFileSync(p, readFileSync(p, 'utf8').replace('[[2.1,40],', '[[500,40],'));
        }),
      /communes-38-isere-adminexpress-cog2018\.geojson, entité 1 \(30133\), champ « geometry\.coordinates\[0\]\[0\] » : coordonnée \[500, 40\] hors limites/
    ]
  ])('%s', async (_name, makeMirror, message) => {
    const before = snapshot(join(root, 'static'));
    await expect(run(makeMirror())).rejects.toThrow(message);
    expect(snapshot(join(root, 'static'))).toEqual(before);
  });

  it('a workshop CSV with an unclosed quote stops it too, naming the lines', async () => {
    const before = snapshot(join(root, 'static'));
    const good = readFileSync(join(REPO_ROOT, WORKSHOP_PATH), 'utf8');
    const lines = good.split('\n');
    // Line 9 ends its quoted text with « ;"; »: drop that closing quote.
    lines[8] = (lines[8] ?? '').replace('politique ;";', 'politique ;;');
    writeFileSync(join(root, WORKSHOP_PATH), lines.join('\n'));
    try {
      await expect(run(MIRROR)).rejects.toThrow(
        /data\/workshop\/propositions\.csv : 1 problème\(s\) ; la base de l’atelier perdrait ou fusionnerait des éléments, corrigez ces lignes :\n {2}data\/workshop\/propositions\.csv, ligne 9 : guillemets mal formés \(.*\) ; un guillemet « " » n’est pas fermé : la ligne 10 a été fusionnée dans celle-ci/
      );
    } finally {
      writeFileSync(join(root, WORKSHOP_PATH), good);
    }
    expect(snapshot(join(root, 'static'))).toEqual(before);
  });
});

describe('workshop CSV check (npm run data and npm run build)', () => {
  it('accepts the shipped file: 215 items, every row read', () => {
    expect(checkWorkshopCsv(REPO_ROOT)).toBe(215);
  });

  it.each([
    [
      'an unknown tag',
      (t: string): string | Buffer =>
        t.replace(
          ';T1-PB-07;"Un problème politique ;";sru_deficitaire;',
          ';T1-PB-07;"Un problème politique ;";sru_deficitair;'
        ),
      /ligne 9, champ « tags » : étiquette inconnue « sru_deficitair »/
    ],
    [
      'a duplicate id',
      (t: string) => t.replace('T1-PB-02;1;', 'T1-PB-01;1;'),
      /ligne 3, champ « id » : identifiant T1-PB-01 en double \(déjà ligne 2\)/
    ],
    [
      'a Latin-1 save (accents as single bytes)',
      (t: string) => Buffer.from(t.replace(/^\ufeff/, ''), 'latin1'),
      /^data\/workshop\/propositions\.csv, ligne 2, champ « theme_question » : séquence d’octets UTF-8 invalide/
    ]
  ])('refuses %s, naming the line', (name, edit, message) => {
    const dir = join(tmp, `ws-${name.replace(/\W/g, '')}`);
    mkdirSync(join(dir, 'data/workshop'), { recursive: true });
    const good = readFileSync(join(REPO_ROOT, WORKSHOP_PATH), 'utf8');
    const edited = edit(good);
    expect(edited).not.toEqual(good);
    writeFileSync(join(dir, WORKSHOP_PATH), edited);
    expect(() => checkWorkshopCsv(dir)).toThrow(message);
  });
});

describe('ensure-data rebuilds when a source changed', () => {
  it('compares a fingerprint of the inputs (stats only) with the stamp', () => {
    const mirror = mirrorWith('fingerprint', () => {});
    const before = inputsFingerprint(REPO_ROOT, mirror);
    expect(inputsFingerprint(REPO_ROOT, mirror)).toBe(before);
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(mirror, SRU), later, later);
    expect(inputsFingerprint(REPO_ROOT, mirror)).not.toBe(before);
    const stamp = JSON.parse(readFileSync(join(root, STAMP_PATH), 'utf8')) as { inputs: string };
    expect(stamp.inputs).toMatch(/^[0-9a-f]{16}$/);
    expect(rebuildReason(root, EPCI, stamp.inputs)).toBeNull();
    expect(rebuildReason(root, EPCI, 'another')).toBe(
      'une source, le manifeste des sources ou un fichier de paramètres a changé depuis la dernière construction'
    );
  });
});
