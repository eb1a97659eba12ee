import { describe, expect, it } from 'vitest';
import {
  periodStartOf,
  projectCommune,
  summarise,
  type CommuneBaseline,
  type ProjectionOptions,
  type TriennialObjectiveFn
} from '../../../src/lib/arbitration/projection';

// A test rule, not the law: a third of the deficit, rounded up (the real rule is injected by the app).
const thirdOfDeficit: TriennialObjectiveFn = (s) => Math.ceil(s.deficit / 3);

const options = (over: Partial<ProjectionOptions> = {}): ProjectionOptions => ({
  baseYear: 2024,
  startYear: 2024,
  periodAnchor: 2023,
  periodLength: 3,
  objective: thirdOfDeficit,
  ...over
});

const base = (over: Partial<CommuneBaseline> = {}): CommuneBaseline => ({
  code: '38999',
  nom: 'Testville',
  lls: 150,
  rp: 1000,
  rpLow: 990,
  rpHigh: 1010,
  targetPct: 20,
  exempt: false,
  ...over
});

describe('periodStartOf', () => {
  it.each([
    [2023, 2023],
    [2025, 2023],
    [2026, 2026],
    [2031, 2029],
    [2022, 2020]
  ])('year %i lies in the period starting %i', (year, start) => {
    expect(periodStartOf(year, 2023, 3)).toBe(start);
  });
});

describe('projectCommune', () => {
  it('a commune that reaches its target mid-period (15 % → 20 % at 20 LLS a year, no RP growth)', () => {
    const p = projectCommune(
      base(),
      { production: [20, 20, 20, 20, 20, 20], rpGrowthPct: 0 },
      options()
    );
    expect(p.years.map((y) => y.year)).toEqual([2024, 2025, 2026, 2027, 2028, 2029]);
    // 170, 190, 210… over 1 000 RP.
    expect(p.years.map((y) => y.ratePct)).toEqual([17, 19, 21, 23, 25, 27]);
    expect(p.alreadyAboveTarget).toBe(false);
    // 210 / 1 000 = 21 % at the end of 2026.
    expect(p.reachedYear).toBe(2026);
    expect(p.years.map((y) => y.reached)).toEqual([false, false, true, true, true, true]);
    expect(p.years[0]?.deficit).toBe(30);
    expect(p.periods.map((c) => [c.start, c.end, c.coveredYears, c.status])).toEqual([
      [2023, 2025, 2, 'on_track'], // 2023 precedes the inventory: judged pro rata
      [2026, 2028, 3, 'met'],
      [2029, 2031, 1, 'no_objective'] // target reached before 2029: no deficit left
    ]);
    // 2023-2025 from the inventory stock: deficit 50 → 17; 2026-2028 from 1/1/2026 (190 LLS): 10 → 4.
    expect(p.periods.map((c) => c.objective)).toEqual([17, 4, 0]);
    expect(p.plannedTotal).toBe(120);
    expect(p.objectiveTotal).toBeCloseTo((17 * 2) / 3 + 4, 10);
    expect(p.missesOwnObjective).toBe(false);
  });

  it('reaches the target in the middle of the 2026-2028 period (bridge years before the PLH)', () => {
    const p = projectCommune(
      base({ lls: 160 }),
      { production: [10, 10, 10, 10, 10, 10], rpGrowthPct: 0 },
      options({ startYear: 2026 })
    );
    // Bridge years 2024-2025 assume the production of PLH year 1.
    expect(p.years.filter((y) => y.bridge).map((y) => y.year)).toEqual([2024, 2025]);
    expect(p.years.map((y) => y.lls)).toEqual([170, 180, 190, 200, 210, 220, 230, 240]);
    expect(p.reachedYear).toBe(2027);
    // PLH 2026-2031 = two full legal periods.
    expect(p.periods.map((c) => [c.start, c.coveredYears, c.plhYears])).toEqual([
      [2026, 3, 3],
      [2029, 3, 3]
    ]);
    // 1/1/2026: 180 LLS → deficit 20 → objective 7, produced 30 → met.
    expect(p.periods[0]).toMatchObject({ objective: 7, production: 30, status: 'met' });
    expect(p.plannedTotal).toBe(60);
  });

  it('a commune already above its target has no objective and no « year reached »', () => {
    const p = projectCommune(
      base({ lls: 300 }),
      { production: [5, 5, 5, 5, 5, 5], rpGrowthPct: 1 },
      options({ startYear: 2026 })
    );
    expect(p.baseRatePct).toBe(30);
    expect(p.alreadyAboveTarget).toBe(true);
    expect(p.reachedYear).toBeNull();
    expect(p.periods.every((c) => c.status === 'no_objective' && c.objective === 0)).toBe(true);
    expect(p.objectiveTotal).toBe(0);
    expect(p.gap).toBe(30);
    expect(p.missesOwnObjective).toBe(false);
  });

  it('zero production with growing RP: the rate falls, every objective is missed', () => {
    const p = projectCommune(
      base(),
      { production: [0, 0, 0, 0, 0, 0], rpGrowthPct: 1 },
      options({ startYear: 2026 })
    );
    const rates = p.years.map((y) => y.ratePct);
    for (let i = 1; i < rates.length; i++) expect(rates[i]).toBeLessThan(rates[i - 1] ?? 0);
    // 150 / (1000 × 1.01^8) after the two bridge years and six PLH years.
    expect(p.years.at(-1)?.ratePct).toBeCloseTo((150 / (1000 * 1.01 ** 8)) * 100, 10);
    expect(p.reachedYear).toBeNull();
    expect(p.periods.map((c) => c.status)).toEqual(['missed', 'missed']);
    expect(p.plannedTotal).toBe(0);
    expect(p.gap).toBeCloseTo(-p.objectiveTotal, 10);
    expect(p.objectiveTotal).toBeGreaterThan(0);
    expect(p.missesOwnObjective).toBe(true);
  });

  it('bounds of the rate come from the bounds of the RP estimate (smaller RP → higher rate)', () => {
    const p = projectCommune(base(), { production: [0, 0, 0, 0, 0, 0], rpGrowthPct: 0 }, options());
    const y = p.years[0];
    expect(y?.rateLowPct).toBeCloseTo((150 / 1010) * 100, 10);
    expect(y?.rateHighPct).toBeCloseTo((150 / 990) * 100, 10);
    expect(y?.ratePct).toBe(15);
  });

  it('uses the official objective for the period containing the inventory', () => {
    const p = projectCommune(
      base({ currentPeriodObjective: 42 }),
      { production: [10, 10, 10, 10, 10, 10], rpGrowthPct: 0 },
      options()
    );
    expect(p.periods[0]).toMatchObject({ start: 2023, objective: 42, official: true });
    expect(p.periods[0]?.status).toBe('behind'); // 20 produced over 2 of 3 years < 28
    expect(p.periods[1]?.official).toBe(false);
  });

  it('an exempted commune has no objective even with a deficit', () => {
    const p = projectCommune(
      base({ exempt: true }),
      { production: [0, 0, 0, 0, 0, 0], rpGrowthPct: 0 },
      options()
    );
    expect(p.periods.every((c) => c.status === 'no_objective')).toBe(true);
    expect(p.missesOwnObjective).toBe(false);
  });

  it.each([
    [{ production: [1, 2, 3], rpGrowthPct: 0 }, {}, /38999 \(Testville\).*6 années, 3 reçue/],
    [
      { production: [1, 1, -1, 1, 1, 1], rpGrowthPct: 0 },
      {},
      /production de l'année 2026 invalide/
    ],
    [{ production: [1, 1, 1, 1, 1, 1], rpGrowthPct: Number.NaN }, {}, /croissance des RP/],
    [{ production: [1, 1, 1, 1, 1, 1], rpGrowthPct: 0 }, { startYear: 2020 }, /2020 antérieure/]
  ])('rejects bad input with a message naming the commune and field (%#)', (plan, opt, msg) => {
    expect(() => projectCommune(base(), plan, options({ startYear: 2024, ...opt }))).toThrowError(
      msg
    );
  });
});

describe('summarise', () => {
  it('the total can be met while one commune misses its own objective', () => {
    const opts = options({ startYear: 2026 });
    const a = projectCommune(
      base({ code: '38001', nom: 'A' }),
      { production: [0, 0, 0, 0, 0, 0], rpGrowthPct: 0 },
      opts
    );
    const b = projectCommune(
      base({ code: '38002', nom: 'B' }),
      { production: [30, 30, 30, 30, 30, 30], rpGrowthPct: 0 },
      opts
    );
    const s = summarise([a, b]);
    expect(s.missing).toEqual(['38001']);
    expect(s.plannedTotal).toBe(180);
    expect(s.objectiveTotal).toBeCloseTo(a.objectiveTotal + b.objectiveTotal, 10);
    expect(s.gap).toBeCloseTo(180 - s.objectiveTotal, 10);
    expect(s.totalMet).toBe(true);
    expect(summarise([a]).totalMet).toBe(false);
  });
});
