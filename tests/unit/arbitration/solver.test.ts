import { describe, expect, it } from 'vitest';
import {
  projectCommune,
  type CommuneBaseline,
  type ProjectionOptions,
  type TriennialObjectiveFn
} from '../../../src/lib/arbitration/projection';
import { productionToReach, splitByTriennialObjectives } from '../../../src/lib/arbitration/solver';

// A test rule, not the law: 33 % of the missing LLS at the period start.
const third: TriennialObjectiveFn = (s) => (s.deficit * 33) / 100;

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

const options = (over: Partial<ProjectionOptions> = {}): ProjectionOptions => ({
  baseYear: 2024,
  startYear: 2026,
  periodAnchor: 2023,
  periodLength: 3,
  objective: third,
  ...over
});

describe('productionToReach (closed form, checked by hand)', () => {
  it.each([
    // 5 years 2024–2028, RP flat: (200 − 150) / 5 = 10; RP 990 → 9,6 → 10; RP 1010 → 10,4 → 11.
    ['flat RP, 5 years', base(), 2026, 2028, 0, { value: 10, low: 10, high: 11 }, false],
    // 1 year, RP +1 %: 0,2 × 1010 − 150 = 52 (low 0,2 × 999,9 − 150 = 49,98 → 50; high 204,02 → 55).
    ['RP +1 %, one year', base(), 2024, 2024, 1, { value: 52, low: 50, high: 55 }, false],
    // At its target today, RP +1 %/an over 2 years: (0,25 × 1020,1 − 250) / 2 = 2,51 → 3.
    [
      'at target, growth erodes it',
      base({ lls: 250, rpLow: 995, rpHigh: 1005, targetPct: 25 }),
      2024,
      2025,
      1,
      { value: 3, low: 2, high: 4 },
      true
    ],
    // Exact integer: (200 − 150) / 10 = 5 exactly, not rounded up to 6.
    [
      'exact integer',
      base({ rpLow: 1000, rpHigh: 1000 }),
      2026,
      2033,
      0,
      { value: 5, low: 5, high: 5 },
      false
    ]
  ] as const)('%s', (_n, b, start, target, g, perYear, keeps) => {
    const r = productionToReach(b, 2024, start, target, g);
    expect(r.kind).toBe('needed');
    if (r.kind !== 'needed') return;
    expect(r.perYear).toEqual(perYear);
    expect(r.keepsTarget).toBe(keeps);
    expect(r.fromYear).toBe(2024);
  });

  it.each([
    ['exempt', base({ exempt: true }), 2026, 2030, 0, 'exempt'],
    ['already above, RP flat', base({ lls: 300 }), 2026, 2030, 0, 'none_needed'],
    ['target before the PLH', base(), 2026, 2025, 0, 'invalid'],
    ['RP growth −100 %', base(), 2026, 2030, -100, 'invalid'],
    ['non-integer year', base(), 2026, 2030.5, 0, 'invalid'],
    ['RP not estimable', base({ rpHigh: Infinity }), 2026, 2030, 0, 'invalid'],
    ['out of scale', base({ rp: 1e9, rpLow: 1e9, rpHigh: 1e9 }), 2026, 2026, 0, 'invalid']
  ] as const)('%s', (_n, b, start, target, g, kind) => {
    const r = productionToReach(b, 2024, start, target, g);
    expect(r.kind).toBe(kind);
    if (r.kind === 'invalid') expect(r.reason).toMatch(/[a-zé]/);
  });

  it('flags a production larger than the growth of RP (existing dwellings must turn social)', () => {
    const flat = productionToReach(base(), 2024, 2026, 2030, 0);
    const growing = productionToReach(base(), 2024, 2026, 2030, 2);
    expect(flat.kind === 'needed' && flat.exceedsRpGrowth).toBe(true);
    // RP +2 %/an over 7 years ≈ +149 RP; needed ≈ (0,2 × 1148,7 − 150) / 7 ≈ 11,4 → 12 × 7 = 84.
    expect(growing.kind === 'needed' && growing.exceedsRpGrowth).toBe(false);
  });

  it.each([
    [0, 2028],
    [0.8, 2031],
    [1.5, 2026],
    [-0.5, 2035]
  ])(
    'agrees with the projection (RP growth %s, target year %s): x reaches, x − 1 does not',
    (g, T) => {
      const start = 2026;
      const r = productionToReach(base(), 2024, start, T, g);
      expect(r.kind).toBe('needed');
      if (r.kind !== 'needed') return;
      const rateAt = (x: number) => {
        // Constant production from the inventory; carried on past the PLH by extending the plan.
        const opts = options({ startYear: start });
        const years = T - start + 1;
        let lls = 150;
        let rp = 1000;
        for (let y = 2024; y <= T; y++) {
          lls += x;
          rp *= 1 + g / 100;
        }
        if (years <= 6) {
          const p = projectCommune(base(), { production: Array(6).fill(x), rpGrowthPct: g }, opts);
          return p.years.find((y) => y.year === T)?.ratePct ?? NaN;
        }
        return (lls / rp) * 100;
      };
      expect(rateAt(r.perYear.value)).toBeGreaterThanOrEqual(20);
      expect(rateAt(r.perYear.value - 1)).toBeLessThan(20);
    }
  );
});

describe('splitByTriennialObjectives (exact search, checked by hand)', () => {
  it('PLH aligned on the periods: 2026-2028 then 2029-2031', () => {
    // Period 1: stock at 1/1/2026 = 150 + 2x (bridge years at the first-year pace), objective
    // 0,33 × (50 − 2x); 3x ≥ 0,33 × (50 − 2x) ⇔ x ≥ 4,51 → 5 (objective 13,2).
    // Period 2: LLS at 1/1/2029 = 150 + 5 × 5 = 175, objective 0,33 × 25 = 8,25 → 3/an.
    const s = splitByTriennialObjectives(base(), 0, options());
    expect(s.production).toEqual([5, 5, 5, 3, 3, 3]);
    expect(s.periods.map((p) => [p.start, p.end, p.perYear])).toEqual([
      [2026, 2028, 5],
      [2029, 2031, 3]
    ]);
    expect(s.periods[0]?.objective).toBeCloseTo(13.2, 9);
    expect(s.periods[1]?.objective).toBeCloseTo(8.25, 9);
  });

  it('PLH starting mid-period: the partial last period is met pro rata', () => {
    // 2026-2028 (bridge 2024-2026 at the first-year pace): 5; 2029-2031: 3;
    // 2032 only: LLS 184 → objective 0,33 × 16 = 5,28, pro rata 1,76 → 2.
    const s = splitByTriennialObjectives(base(), 0, options({ startYear: 2027 }));
    expect(s.production).toEqual([5, 5, 3, 3, 3, 2]);
    expect(s.periods.map((p) => p.start)).toEqual([2026, 2029, 2032]);
  });

  it.each([
    ['exempt', base({ exempt: true })],
    ['above target', base({ lls: 250 })]
  ])('%s: no production needed', (_n, b) => {
    const s = splitByTriennialObjectives(b, 0, options());
    expect(s.production).toEqual([0, 0, 0, 0, 0, 0]);
    expect(s.periods.every((p) => p.perYear === 0)).toBe(true);
  });

  it('every period of the solved plan is met, and one dwelling less a year misses it', () => {
    for (const g of [0, 0.8, 1.5]) {
      const s = splitByTriennialObjectives(base({ lls: 80 }), g, options());
      const p = projectCommune(
        base({ lls: 80 }),
        { production: s.production, rpGrowthPct: g },
        options()
      );
      expect(p.periods.map((x) => x.status)).toEqual(['met', 'met']);
      const less = s.production.map((x, i) => (i >= 3 ? x - 1 : x));
      const q = projectCommune(base({ lls: 80 }), { production: less, rpGrowthPct: g }, options());
      expect(q.periods[1]?.status).toBe('missed');
    }
  });
});
