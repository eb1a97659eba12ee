import { describe, expect, it } from 'vitest';
import {
  AppDataError,
  DATA_FILES,
  formatIssuePath,
  loadData,
  loadSources,
  settle,
  validateData
} from '../../../src/lib/data/app-data';
import { sruFileSchema } from '../../../src/lib/schemas/outputs';

/** A fake fetch serving a fixed table of path → (status, body). */
function fakeFetch(files: Record<string, { status?: number; body: string } | Error>) {
  return (async (input: RequestInfo | URL) => {
    const url = String(input);
    const entry = files[url];
    if (entry instanceof Error) throw entry;
    if (!entry) return new Response('not found', { status: 404 });
    return new Response(entry.body, { status: entry.status ?? 200 });
  }) as typeof fetch;
}

const sruRecord = {
  code: '38001',
  nomInventaire: 'COMMUNE A',
  inInventory: true,
  subject: true,
  lls: 120,
  ratePct: 12.5,
  targetPct: 25,
  deficitaire: true,
  carencee: false,
  exemptee: false,
  levyEur: 1000,
  populationMunicipale: 4000,
  inventoryDate: '2024-01-01',
  period: '2023-2025'
};
const sruFile = {
  ref: { source: 'sru-inventaire', vintage: '2024' },
  epci: '200000001',
  records: [sruRecord]
};

describe('formatIssuePath', () => {
  it.each([
    [['features', 3, 'properties', 'code'], 'features[3].properties.code'],
    [['records', 0], 'records[0]'],
    [[], '(racine)'],
    [['epci'], 'epci']
  ] as const)('%j → %s', (path, expected) => {
    expect(formatIssuePath(path)).toBe(expected);
  });
});

describe('validateData', () => {
  it('returns the typed data when it matches', () => {
    expect(validateData('/data/sru.json', sruFileSchema, sruFile).records[0]?.code).toBe('38001');
  });

  it('names the file and the field of the first bad value', () => {
    const bad = { ...sruFile, records: [sruRecord, { ...sruRecord, code: 38002 }] };
    expect(() => validateData('/data/sru.json', sruFileSchema, bad)).toThrowError(
      /^Fichier \/data\/sru\.json, champ « records\[1\]\.code » : /
    );
  });

  it.each([
    [
      'a string instead of a number',
      { lls: '120' },
      'records[0].lls',
      /^Entrée invalide : nombre attendu, chaîne de caractères reçu$/
    ],
    [
      'a missing field',
      { period: undefined },
      'records[0].period',
      /^Entrée invalide : chaîne de caractères attendu, indéfini reçu$/
    ],
    [
      'a wrong kind of value',
      { subject: 1 },
      'records[0].subject',
      /^Entrée invalide : booléen attendu, nombre reçu$/
    ]
  ])('describes %s in French (zod’s message reaches users)', (_, change, field, message) => {
    const bad = { ...sruFile, records: [{ ...sruRecord, ...change }] };
    try {
      validateData('/data/sru.json', sruFileSchema, bad);
      expect.unreachable();
    } catch (error) {
      expect((error as AppDataError).field).toBe(field);
      expect((error as AppDataError).message.split(' : ').slice(1).join(' : ')).toMatch(message);
    }
  });

  it('counts the other errors', () => {
    const bad = { ...sruFile, epci: 'x', records: [{ ...sruRecord, code: '1' }] };
    try {
      validateData('/data/sru.json', sruFileSchema, bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppDataError);
      expect((error as AppDataError).field).toBe('epci');
      expect((error as AppDataError).message).toMatch(/et 1 autre\(s\) erreur\(s\)/);
    }
  });
});

describe('loadData', () => {
  it('fetches, parses and validates a file under the base path', async () => {
    const f = fakeFetch({ '/atlas/data/sru.json': { body: JSON.stringify(sruFile) } });
    const data = await loadData(f, 'sru', '/atlas');
    expect(data.records.map((r) => r.code)).toEqual(['38001']);
  });

  it.each([
    ['a missing file', {}, /Fichier \/data\/sru\.json : introuvable \(HTTP 404\).*npm run data/],
    ['a server error', { '/data/sru.json': { status: 500, body: '' } }, /erreur HTTP 500/],
    [
      'a network failure',
      { '/data/sru.json': new TypeError('Failed to fetch') },
      /^Fichier \/data\/sru\.json : inaccessible par le réseau ; vérifiez la connexion puis rechargez la page$/
    ],
    [
      'truncated JSON',
      { '/data/sru.json': { body: '{"ref": {' } },
      /^Fichier \/data\/sru\.json : JSON invalide à la ligne 1, colonne 10 : le texte s'arrête avant la fin des données \(fichier tronqué \?\)$/
    ],
    [
      'a syntax error inside the file',
      { '/data/sru.json': { body: '{\n  "ref": 1,,\n  "records": []\n}' } },
      /^Fichier \/data\/sru\.json : JSON invalide à la ligne 2, colonne 12$/
    ],
    [
      'a wrong field',
      {
        '/data/sru.json': {
          body: JSON.stringify({ ...sruFile, records: [{ ...sruRecord, lls: -1 }] })
        }
      },
      /champ « records\[0\]\.lls »/
    ]
  ] as const)('rejects %s with a message naming the file', async (_name, files, message) => {
    await expect(loadData(fakeFetch(files), 'sru')).rejects.toThrowError(message);
  });

  it('has a path for every generated file', () => {
    expect(DATA_FILES.communes).toBe('/geo/communes.geojson');
    expect(DATA_FILES.indicators).toBe('/data/indicators.json');
  });
});

describe('settle', () => {
  it('keeps data or the error message', async () => {
    expect(await settle(Promise.resolve(3))).toEqual({ ok: true, data: 3 });
    expect(await settle(Promise.reject(new AppDataError('/x.json', 'cassé')))).toEqual({
      ok: false,
      error: 'Fichier /x.json : cassé'
    });
  });
});

describe('loadSources', () => {
  it('validates the real manifest', () => {
    const manifest = loadSources();
    expect(manifest.sources.some((s) => s.id === 'sru-inventaire')).toBe(true);
  });

  it('names data/sources.json and the field when the manifest is broken', () => {
    expect(() => loadSources({ version: 1, sources: [{ id: 'Bad Id' }] })).toThrowError(
      /^Fichier data\/sources\.json, champ « sources\[0\]\.id » : /
    );
  });
});
