import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { projectCommune, summarise } from '../../../src/lib/arbitration/projection';
import {
  SCENARIO_KEY_PREFIX,
  SET_ASIDE_KEY_PREFIX,
  ScenarioImportError,
  deleteScenario,
  exportScenariosJson,
  applyImport,
  commitWrites,
  importScenarios,
  isQuotaError,
  listSetAside,
  planImport,
  resolveImport,
  StorageFullError,
  loadScenarios,
  parseScenarioFile,
  saveScenario,
  scenarioToCsv,
  type KeyValueStorage
} from '../../../src/lib/data/scenario-storage';
import type { Scenario } from '../../../src/lib/schemas/scenario';
import { MemoryStorage, QuotaStorage } from '../../fixtures/storage/storages';

const scenario = (over: Partial<Scenario> = {}): Scenario => ({
  id: 'sc-1',
  name: 'Effort réparti',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  startYear: 2026,
  communes: [{ code: '38999', production: [10, 10, 10, 12, 12, 12], rpGrowthPct: 0.5 }],
  ...over
});

let counter = 0;
const newId = () => `new-${++counter}`;

describe('localStorage round trip', () => {
  it('saves, reloads sorted by name, and deletes', () => {
    const s = new MemoryStorage();
    saveScenario(s, scenario({ id: 'b', name: 'Zéro production' }));
    saveScenario(s, scenario({ id: 'a', name: 'Accéléré' }));
    const { scenarios, setAside } = loadScenarios(s);
    expect(scenarios.map((x) => x.name)).toEqual(['Accéléré', 'Zéro production']);
    expect(setAside).toEqual([]);
    deleteScenario(s, 'a');
    expect(loadScenarios(s).scenarios.map((x) => x.id)).toEqual(['b']);
  });

  it('refuses to save an invalid scenario', () => {
    const s = new MemoryStorage();
    expect(() => saveScenario(s, scenario({ name: '  ' }))).toThrow(/nom vide/);
    expect(s.length).toBe(0);
  });

  it.each([
    ['unreadable JSON', '{"version":1,', /JSON illisible/],
    ['unknown version', JSON.stringify({ version: 7, scenario: scenario() }), /version 7 inconnue/],
    [
      'bad field',
      JSON.stringify({ version: 1, scenario: { ...scenario(), startYear: 'deux mille' } }),
      /champ « scenario\.startYear »/
    ]
  ])('sets a corrupted entry aside (%s): kept under another key and reported', (_n, raw, why) => {
    const s = new MemoryStorage();
    saveScenario(s, scenario({ id: 'good', name: 'Bon' }));
    s.setItem(`${SCENARIO_KEY_PREFIX}sc-1`, raw);
    const { scenarios, setAside } = loadScenarios(s);
    expect(scenarios.map((x) => x.id)).toEqual(['good']);
    expect(setAside).toHaveLength(1);
    expect(setAside[0]?.key).toBe(`${SCENARIO_KEY_PREFIX}sc-1`);
    expect(setAside[0]?.reason).toMatch(why);
    // Not deleted: the raw text is intact under the set-aside key.
    expect(s.getItem(setAside[0]?.setAsideKey ?? '')).toBe(raw);
    expect(s.getItem(`${SCENARIO_KEY_PREFIX}sc-1`)).toBeNull();
    expect(listSetAside(s)).toEqual([`${SET_ASIDE_KEY_PREFIX}sc-1`]);
    // A second corrupted entry with the same id does not overwrite the first copy.
    s.setItem(`${SCENARIO_KEY_PREFIX}sc-1`, 'garbage');
    loadScenarios(s);
    expect(listSetAside(s)).toEqual([
      `${SET_ASIDE_KEY_PREFIX}sc-1`,
      `${SET_ASIDE_KEY_PREFIX}sc-1:2`
    ]);
    expect(s.getItem(`${SET_ASIDE_KEY_PREFIX}sc-1`)).toBe(raw);
  });

  it('ignores keys that are not scenarios', () => {
    const s = new MemoryStorage();
    s.setItem('other-app', '{');
    expect(loadScenarios(s)).toEqual({ scenarios: [], setAside: [] });
    expect(s.getItem('other-app')).toBe('{');
  });
});

describe('JSON export / import', () => {
  it('round-trips an export into an empty storage', () => {
    const text = exportScenariosJson([scenario()], '2026-02-01T10:00:00.000Z');
    expect(JSON.parse(text)).toMatchObject({ format: 'atlas-plh-scenarios', version: 1 });
    const s = new MemoryStorage();
    const imported = importScenarios(s, text, 'scenarios.json', newId);
    expect(imported).toEqual([scenario()]);
    expect(loadScenarios(s).scenarios).toEqual([scenario()]);
  });

  it('imports a scenario whose id exists under a new id, never overwriting', () => {
    const s = new MemoryStorage();
    saveScenario(s, scenario({ name: 'Mien' }));
    const text = exportScenariosJson([scenario({ name: 'Leur' })], '2026-02-01T10:00:00.000Z');
    const [copy] = importScenarios(s, text, 'x.json', newId);
    expect(copy?.id).toMatch(/^new-/);
    expect(copy?.name).toBe('Leur');
    expect(
      loadScenarios(s)
        .scenarios.map((x) => x.name)
        .sort()
    ).toEqual(['Leur', 'Mien']);
  });

  it.each([
    // [saved names, incoming names, choice, names after import]
    [['Effort'], ['Effort'], 'rename', ['Effort', 'Effort (2)']],
    [['Effort', 'Effort (2)'], [' effort '], 'rename', ['Effort', 'Effort (2)', 'effort (3)']],
    [['Effort'], ['Effort'], 'replace', ['Effort']],
    [['Effort', 'Autre'], ['EFFORT', 'Nouveau'], 'replace', ['Autre', 'EFFORT', 'Nouveau']]
  ] as const)(
    'a name already saved is renamed or replaced as chosen (%j + %j, %s)',
    (saved, incoming, choice, after) => {
      const s = new MemoryStorage();
      saved.forEach((name, i) => saveScenario(s, scenario({ id: `saved-${i}`, name })));
      const file = exportScenariosJson(
        incoming.map((name, i) => scenario({ id: `in-${i}`, name, startYear: 2030 })),
        '2026-02-01T10:00:00.000Z'
      );
      const existing = loadScenarios(s).scenarios;
      const plan = planImport(file, 'f.json', existing);
      expect(plan.conflicts.map((c) => c.existing.name)).toEqual(
        incoming.flatMap((n) =>
          saved.filter((x) => x.trim().toLowerCase() === n.trim().toLowerCase())
        )
      );
      applyImport(s, resolveImport(plan, existing, choice, newId), 'f.json');
      const names = loadScenarios(s)
        .scenarios.map((x) => x.name)
        .sort((a, b) => a.localeCompare(b));
      expect(names).toEqual([...after].sort((a, b) => a.localeCompare(b)));
      if (choice === 'replace') {
        // The replaced entry keeps its key and now holds the imported content.
        const replaced = loadScenarios(s).scenarios.find((x) => x.id === 'saved-0');
        expect(replaced?.startYear).toBe(2030);
      }
    }
  );

  it('warns about unknown commune codes and communes listed twice (first plan kept)', () => {
    const text = exportScenariosJson(
      [
        scenario({
          communes: [
            { code: '38185', production: [1, 1, 1, 1, 1, 1], rpGrowthPct: 0 },
            { code: '38185', production: [9, 9, 9, 9, 9, 9], rpGrowthPct: 0 },
            { code: '01001', production: [2, 2, 2, 2, 2, 2], rpGrowthPct: 0 }
          ]
        })
      ],
      '2026-02-01T10:00:00.000Z'
    );
    const plan = planImport(text, 'f.json', [], new Set(['38185', '38229']));
    expect(plan.warnings).toHaveLength(2);
    expect(plan.warnings[0]).toMatch(/listée\(s\) deux fois \(38185\)/);
    expect(plan.warnings[1]).toMatch(/inconnu\(s\).*\(01001\)/);
    expect(plan.incoming[0]?.communes.map((c) => c.production[0])).toEqual([1, 2]);
    expect(planImport(text, 'f.json', [], null).warnings).toHaveLength(1);
  });

  const valid = JSON.parse(exportScenariosJson([scenario()], '2026-02-01T10:00:00.000Z')) as {
    scenarios: Record<string, unknown>[];
  };
  it.each([
    ['empty file', '', /« broken\.json » : fichier vide/],
    ['truncated JSON', '{\n  "format": "atlas-plh-scenarios",\n  "version": 1,\n', /JSON invalide/],
    [
      'another kind of file',
      JSON.stringify({ type: 'FeatureCollection' }),
      /pas un fichier de scénarios/
    ],
    [
      'unknown version',
      JSON.stringify({ ...valid, version: 2 }),
      /version 2 inconnue \(version prise en charge : 1\)/
    ],
    [
      'bad production',
      JSON.stringify({
        ...valid,
        scenarios: [
          {
            ...valid.scenarios[0],
            communes: [{ code: '38999', production: [1, 2], rpGrowthPct: 0 }]
          }
        ]
      }),
      /champ « scenarios\[0\]\.communes\[0\]\.production » : six années/
    ],
    [
      'numeric INSEE code',
      JSON.stringify({
        ...valid,
        scenarios: [
          {
            ...valid.scenarios[0],
            communes: [{ code: 38185, production: [1, 1, 1, 1, 1, 1], rpGrowthPct: 0 }]
          }
        ]
      }),
      /scenarios\[0\]\.communes\[0\]\.code/
    ],
    [
      'duplicate ids',
      JSON.stringify({ ...valid, scenarios: [valid.scenarios[0], valid.scenarios[0]] }),
      /scenarios\[1\]\.id » : identifiant en double/
    ]
  ])('rejects %s with a clear message and leaves storage untouched', (_n, text, message) => {
    const s = new MemoryStorage();
    saveScenario(s, scenario({ id: 'keep', name: 'À garder' }));
    const before = new Map(s.map);
    let error: unknown;
    try {
      importScenarios(s, text, 'broken.json', newId);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioImportError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toMatch(/Les scénarios enregistrés sont inchangés/);
    expect(s.map).toEqual(before);
  });

  it('locates a JSON syntax error by line and column (V8 reports a position)', () => {
    const text = '{\n  "format": "atlas-plh-scenarios",\n  "version": 1,,\n}';
    expect(() => parseScenarioFile(text, 'f.json')).toThrow(
      /JSON invalide à la ligne 3, colonne 16/
    );
  });

  it('accepts a file with a UTF-8 BOM', () => {
    const text = `\ufeff${exportScenariosJson([scenario()], '2026-02-01T10:00:00.000Z')}`;
    expect(parseScenarioFile(text, 'bom.json')).toHaveLength(1);
  });
});

describe('CSV export', () => {
  it('writes one row per commune and a total: plan, objectives, gap, triennial results, year reached', () => {
    const sc = scenario({ name: '=HYPERLINK("x")' });
    const projection = projectCommune(
      {
        code: '38999',
        nom: 'Testville',
        lls: 150,
        rp: 1000,
        rpLow: 990,
        rpHigh: 1010,
        targetPct: 20,
        exempt: false
      },
      { production: sc.communes[0]?.production ?? [], rpGrowthPct: 0.5 },
      {
        baseYear: 2024,
        startYear: 2026,
        periodAnchor: 2023,
        periodLength: 3,
        objective: (x) => x.deficit / 3
      }
    );
    const view = {
      projections: [projection],
      summary: summarise([projection]),
      extrapolatedYear: new Map<string, number | null>()
    };
    const csv = scenarioToCsv(sc, view);
    expect(csv.startsWith('\ufeff')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), {
      header: true,
      delimiter: ';',
      dynamicTyping: false,
      skipEmptyLines: true
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(2);
    const row = parsed.data[0];
    expect(row?.code_insee).toBe('38999');
    expect(row?.production_2026).toBe('10');
    expect(row?.production_2031).toBe('12');
    expect(row?.croissance_rp_pct_an).toBe('0,50');
    expect(row?.production_prevue_plh).toBe('66');
    // Bridge years 2024-2025 at 10/an: LLS 170 at 1/1/2026, RP 1000 × 1,005² = 1010,025,
    // objective (202,005 − 170) / 3 = 10,67; produced 30 → atteint.
    expect(row?.objectif_2026_2028).toBe('10,7');
    expect(row?.production_2026_2028).toBe('30');
    expect(row?.bilan_2026_2028).toBe('atteint');
    expect(row?.ecart_production_objectifs).toBe(fr(projection.gap));
    // 160 / (1000 × 1.005) = 15.92… % at the end of 2024.
    expect(row?.taux_projete_2024_pct).toBe('15,92');
    expect(row?.annee_cible_atteinte).toBe(String(projection.reachedYear ?? ''));
    expect(row?.cible_atteinte).toBe(projection.reachedYear ? 'pendant le PLH' : 'non atteinte');
    expect(parsed.data[1]?.nom).toBe('Total intercommunal');
    expect(parsed.data[1]?.production_prevue_plh).toBe('66');
    // A name starting with « = » is neutralised against spreadsheet formula injection.
    expect(row?.scenario?.startsWith("'")).toBe(true);
  });
});

const fr = (v: number) => v.toFixed(1).replace('.', ',');

describe('storage quota: all or nothing', () => {
  it.each([
    [new DOMException('x', 'QuotaExceededError'), true],
    [{ name: 'NS_ERROR_DOM_QUOTA_REACHED' }, true],
    [{ code: 22 }, true],
    [new Error('QuotaExceededError'), false],
    ['QuotaExceededError', false],
    [null, false]
  ])('isQuotaError(%s) = %s', (error, expected) => {
    expect(isQuotaError(error)).toBe(expected);
  });

  it('a 4 000-scenario import that overflows the quota writes nothing and says so', () => {
    // Half the file fits: the import must stop and undo what it wrote (3 351 of 4 000 were kept).
    const s = new QuotaStorage(2_500_000);
    saveScenario(s, scenario({ id: 'keep', name: 'À garder' }));
    const before = new Map(s.map);
    const many = Array.from({ length: 4000 }, (_, i) =>
      scenario({
        id: `imp-${i}`,
        name: `Import ${i}`,
        communes: Array.from({ length: 10 }, (_, j) => ({
          code: `38${String(100 + j).padStart(3, '0')}`,
          production: [10, 11, 12, 13, 14, 15],
          rpGrowthPct: 0.5
        }))
      })
    );
    const text = exportScenariosJson(many, '2026-02-01T10:00:00.000Z');
    expect(text.length).toBeGreaterThan(5_000_000);
    let error: unknown;
    try {
      importScenarios(s, text, 'gros.json', newId);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as Error).message).toMatch(
      /stockage du navigateur est plein.*rien n'a été modifié/
    );
    expect(s.map).toEqual(before);
  });

  it('the rollback restores replaced entries even when the new value was smaller', () => {
    const s = new QuotaStorage(200);
    s.setItem('a', 'x'.repeat(80));
    s.setItem('b', 'y'.repeat(80));
    const before = new Map(s.map);
    // a shrinks, c fits, d does not: a and c must be rolled back.
    expect(() =>
      commitWrites(
        s,
        [
          { key: 'a', value: 'small' },
          { key: 'c', value: 'z'.repeat(60) },
          { key: 'd', value: 'w'.repeat(60) }
        ],
        'le test'
      )
    ).toThrow(StorageFullError);
    expect(s.map).toEqual(before);
  });

  it('a non-quota failure is rethrown after the rollback', () => {
    const s = new MemoryStorage();
    const boom = new Error('disk');
    const failing: KeyValueStorage = {
      get length() {
        return s.length;
      },
      key: (i) => s.key(i),
      getItem: (k) => s.getItem(k),
      removeItem: (k) => s.removeItem(k),
      setItem: (k, v) => {
        if (k === 'bad') throw boom;
        s.setItem(k, v);
      }
    };
    expect(() =>
      commitWrites(
        failing,
        [
          { key: 'ok', value: '1' },
          { key: 'bad', value: '2' }
        ],
        'x'
      )
    ).toThrow(boom);
    expect(s.length).toBe(0);
  });

  it('saveScenario on a full storage throws a French error and writes nothing', () => {
    const s = new QuotaStorage(100);
    expect(() => saveScenario(s, scenario())).toThrow(/Le stockage du navigateur est plein/);
    expect(s.length).toBe(0);
  });

  it('a corrupted entry that cannot be copied aside (full) stays where it is', () => {
    const s = new QuotaStorage(0);
    s.map.set(`${SCENARIO_KEY_PREFIX}bad`, '{'); // written before the quota shrank
    const { setAside } = loadScenarios(s);
    expect(setAside[0]?.reason).toMatch(/laissé en place \(stockage plein\)/);
    expect(s.getItem(`${SCENARIO_KEY_PREFIX}bad`)).toBe('{');
  });
});
