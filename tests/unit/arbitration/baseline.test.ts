import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import rulesJson from '../../../data/parameters/sru-rules.json';
import {
  calendarOf,
  defaultPlan,
  l3028Objective,
  newScenario,
  projectionOptions,
  sruBaselines
} from '../../../src/lib/arbitration/baseline';
import { projectCommune } from '../../../src/lib/arbitration/projection';
import { sruFileSchema, type SruFile, type SruRecord } from '../../../src/lib/schemas/outputs';
import { sruRulesSchema } from '../../../src/lib/schemas/parameters';
import { scenarioSchema } from '../../../src/lib/schemas/scenario';

const rules = sruRulesSchema.parse(rulesJson);

const record = (over: Partial<SruRecord>): SruRecord => ({
  code: '38001',
  nomInventaire: 'TESTVILLE',
  inInventory: true,
  subject: true,
  lls: 150,
  ratePct: 15,
  targetPct: 20,
  deficitaire: true,
  carencee: false,
  exemptee: false,
  levyEur: null,
  populationMunicipale: 5000,
  inventoryDate: '2024-01-01',
  period: '2023-2025',
  ...over
});

const file = (records: SruRecord[]): SruFile => ({
  ref: { source: 'sru-inventaire', vintage: 'test' },
  epci: '200040715',
  records
});

describe('calendarOf', () => {
  it('reads the inventory year and the legal period from the file', () => {
    expect(calendarOf(file([record({})]), rules)).toEqual({
      baseYear: 2024,
      periodAnchor: 2023,
      periodLength: rules.periodYears,
      defaultStartYear: 2026
    });
  });
  it('names the commune and field of an unreadable period', () => {
    expect(() => calendarOf(file([record({ period: '2023' })]), rules)).toThrow(
      /commune 38001, champ « period » : période illisible/
    );
  });
});

describe('sruBaselines', () => {
  it('keeps SRU communes only, estimates RP with its rounding bounds, reports unprojectable ones', () => {
    const { baselines, unprojectable } = sruBaselines(
      file([
        record({}),
        record({ code: '38002', subject: false, deficitaire: false }),
        record({ code: '38003', lls: 0, ratePct: 0, nomInventaire: 'ZÉRO' }),
        record({ code: '38004', inInventory: false })
      ]),
      rules,
      new Map([['38001', 'Testville']])
    );
    expect(baselines.map((b) => b.code)).toEqual(['38001']);
    const b = baselines[0];
    const half = rules.publishedRateRoundingPoints;
    expect(b?.nom).toBe('Testville');
    expect(b?.rp).toBeCloseTo(1000, 9);
    expect(b?.rpLow).toBeCloseTo(150 / ((15 + half) / 100), 9);
    expect(b?.rpHigh).toBeCloseTo(150 / ((15 - half) / 100), 9);
    expect(unprojectable).toEqual([
      { code: '38003', nom: 'ZÉRO', reason: expect.stringMatching(/non estimables/) }
    ]);
  });
});

describe('l3028Objective and defaultPlan', () => {
  it('applies the general catch-up share far from the target, the modulation near it', () => {
    const objective = l3028Objective(rules);
    const far = { lls: 150, rp: 1000, ratePct: 15, targetPct: 20, deficit: 50, periodStart: 2026 };
    expect(objective(far)).toBeCloseTo((50 * rules.generalCatchUpPct) / 100, 9);
    const nearRule = [...rules.nearTarget].sort((a, b) => a.maxGapPoints - b.maxGapPoints)[0];
    if (!nearRule) throw new Error('sru-rules.json has no near-target modulation');
    const gap = nearRule.maxGapPoints / 2;
    const near = { ...far, ratePct: 20 - gap, lls: 200 - gap * 10, deficit: gap * 10 };
    expect(objective(near)).toBeCloseTo((gap * 10 * nearRule.catchUpPct) / 100, 9);
    expect(objective({ ...far, deficit: 0, ratePct: 25 })).toBe(0);
  });

  it('plans a third of the current objective each year, rounded up', () => {
    const cal = calendarOf(file([record({})]), rules);
    const [b] = sruBaselines(file([record({})]), rules, new Map()).baselines;
    if (!b) throw new Error('no baseline');
    const plan = defaultPlan(b, cal, rules);
    const perYear = Math.ceil((50 * rules.generalCatchUpPct) / 100 / rules.periodYears);
    expect(plan.production).toEqual([perYear, perYear, perYear, perYear, perYear, perYear]);
    expect(defaultPlan({ ...b, exempt: true }, cal, rules).production).toEqual([0, 0, 0, 0, 0, 0]);
    const sc = newScenario('x', 'Défaut', '2026-01-01T00:00:00Z', [b], cal, rules);
    expect(scenarioSchema.parse(sc).startYear).toBe(2026);
  });
});

// Real data: the generated sru.json (from the official inventory), when `npm run data` has run.
const SRU_JSON = 'static/data/sru.json';
describe.skipIf(!existsSync(SRU_JSON))('real SRU inventory of the Métropole', () => {
  it('projects every SRU commune from its inventory rate', () => {
    const sru = sruFileSchema.parse(JSON.parse(readFileSync(SRU_JSON, 'utf8')));
    const cal = calendarOf(sru, rules);
    const { baselines, unprojectable } = sruBaselines(sru, rules, new Map());
    const subject = sru.records.filter((r) => r.inInventory && r.subject);
    expect(baselines.length + unprojectable.length).toBe(subject.length);
    const opts = projectionOptions(cal, rules, cal.defaultStartYear);
    for (const b of baselines) {
      const rec = subject.find((r) => r.code === b.code);
      // The baseline reproduces the published (rounded) rate.
      expect(Math.abs((b.lls / b.rp) * 100 - (rec?.ratePct ?? NaN))).toBeLessThan(1e-9);
      const p = projectCommune(b, defaultPlan(b, cal, rules), opts);
      expect(p.years).toHaveLength(cal.defaultStartYear - cal.baseYear + 6);
      // A déficitaire commune producing its current pace has at most the first objective to meet.
      if (rec?.deficitaire) expect(p.alreadyAboveTarget).toBe(false);
      else expect(p.objectiveTotal).toBe(0);
    }
  });
});
