import { describe, expect, it } from 'vitest';
import {
  SCENARIO_KEY_PREFIX,
  exportScenariosJson,
  saveScenario
} from '../../../src/lib/data/scenario-storage';
import type { Scenario } from '../../../src/lib/schemas/scenario';
import { ScenarioStore } from '../../../src/lib/state/scenarios.svelte';
import { MemoryStorage, QuotaStorage } from '../../fixtures/storage/storages';

const scenario = (over: Partial<Scenario> = {}): Scenario => ({
  id: 'sc-1',
  name: 'Effort réparti',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  startYear: 2026,
  communes: [{ code: '38185', production: [10, 10, 10, 12, 12, 12], rpGrowthPct: 0.5 }],
  ...over
});

function store(storage: MemoryStorage) {
  let n = 0;
  const s = new ScenarioStore(
    () => `id-${++n}`,
    () => '2026-03-01T00:00:00.000Z',
    new Set(['38185', '38229'])
  );
  s.init(storage);
  return s;
}

describe('ScenarioStore on a full storage', () => {
  it('« Nouveau » shows a French message instead of throwing, and adds nothing', () => {
    const storage = new QuotaStorage(600);
    saveScenario(storage, scenario({ id: 'a', name: 'Existant' }));
    const s = store(storage);
    const made = s.create((id, now) => ({
      ...scenario({ id, createdAt: now, updatedAt: now }),
      name: 'Nouveau scénario',
      communes: Array.from({ length: 20 }, () => scenario().communes[0]!)
    }));
    expect(made).toBeNull();
    expect(s.scenarios.map((x) => x.name)).toEqual(['Existant']);
    expect(s.currentId).toBe('a');
    expect(s.notice?.kind).toBe('error');
    expect(s.notice?.text).toMatch(/^Le stockage du navigateur est plein/);
  });

  it('an edit refused by the quota keeps the saved and shown values', () => {
    const storage = new QuotaStorage(1e6);
    saveScenario(storage, scenario({ id: 'a', name: 'A' }));
    storage.quota = storage.used + 10;
    const s = store(storage);
    s.rename('Un nom bien plus long que la place restante dans ce stockage minuscule');
    expect(s.current?.name).toBe('A');
    expect(JSON.parse(storage.getItem(`${SCENARIO_KEY_PREFIX}a`) ?? '{}').scenario.name).toBe('A');
    expect(s.notice?.text).toMatch(/stockage du navigateur est plein/);
  });

  it('an import that overflows changes neither the storage nor the list', () => {
    const storage = new QuotaStorage(3000);
    saveScenario(storage, scenario({ id: 'a', name: 'A' }));
    const before = new Map(storage.map);
    const s = store(storage);
    const file = exportScenariosJson(
      Array.from({ length: 20 }, (_, i) => scenario({ id: `i${i}`, name: `Importé ${i}` })),
      '2026-01-01T00:00:00.000Z'
    );
    s.importText(file, 'vingt.json');
    expect(storage.map).toEqual(before);
    expect(s.scenarios.map((x) => x.id)).toEqual(['a']);
    expect(s.notice?.text).toMatch(
      /stockage du navigateur est plein : l'import de « vingt\.json »/
    );
  });
});

describe('ScenarioStore import with a name already saved', () => {
  const file = (name: string) =>
    exportScenariosJson(
      [scenario({ id: 'other', name, startYear: 2027 })],
      '2026-01-01T00:00:00.000Z'
    );

  it.each([
    ['replace', ['Effort réparti'], 2027],
    ['rename', ['Effort réparti', 'effort réparti (2)'], 2026]
  ] as const)('asks first, then %s', (choice, names, startYearOfOriginal) => {
    const storage = new MemoryStorage();
    saveScenario(storage, scenario());
    const s = store(storage);
    s.importText(file('effort réparti'), 'f.json');
    // Nothing written until the user answers.
    expect(s.pendingImport?.conflicts.map((c) => c.existing.name)).toEqual(['Effort réparti']);
    expect(storage.length).toBe(1);
    s.resolveImport(choice);
    expect(s.pendingImport).toBeNull();
    expect(s.scenarios.map((x) => x.name).sort()).toEqual(
      choice === 'replace' ? ['effort réparti'] : names
    );
    expect(s.scenarios.find((x) => x.id === 'sc-1')?.startYear).toBe(startYearOfOriginal);
    expect(storage.length).toBe(choice === 'replace' ? 1 : 2);
  });

  it('cancel writes nothing', () => {
    const storage = new MemoryStorage();
    saveScenario(storage, scenario());
    const before = new Map(storage.map);
    const s = store(storage);
    s.importText(file('Effort réparti'), 'f.json');
    s.resolveImport('cancel');
    expect(storage.map).toEqual(before);
    expect(s.notice?.text).toMatch(/annulé/);
  });

  it('reports unknown communes of an import', () => {
    const storage = new MemoryStorage();
    const s = store(storage);
    s.importText(
      exportScenariosJson(
        [
          scenario({
            communes: [{ code: '75056', production: [1, 1, 1, 1, 1, 1], rpGrowthPct: 0 }]
          })
        ],
        '2026-01-01T00:00:00.000Z'
      ),
      'paris.json'
    );
    expect(s.scenarios).toHaveLength(1);
    expect(s.warnings.join(' ')).toMatch(/inconnu.*75056/);
  });
});
