import { describe, expect, it } from 'vitest';
import rulesJson from '../../../data/parameters/sru-rules.json';
import type { Calendar } from '../../../src/lib/arbitration/baseline';
import type { CommuneBaseline } from '../../../src/lib/arbitration/projection';
import { projectScenario } from '../../../src/lib/arbitration/scenario-view';
import { sruRulesSchema } from '../../../src/lib/schemas/parameters';
import type { Scenario } from '../../../src/lib/schemas/scenario';

const rules = sruRulesSchema.parse(rulesJson);
const calendar: Calendar = {
  baseYear: 2024,
  periodAnchor: 2023,
  periodLength: 3,
  defaultStartYear: 2026
};
const base = (code: string, lls: number): CommuneBaseline => ({
  code,
  nom: `C${code}`,
  lls,
  rp: 1000,
  rpLow: 995,
  rpHigh: 1005,
  targetPct: 20,
  exempt: false
});
const scenario: Scenario = {
  id: 's',
  name: 'S',
  createdAt: '',
  updatedAt: '',
  startYear: 2026,
  communes: [
    { code: '38001', production: [1, 1, 1, 1, 1, 1], rpGrowthPct: 0 },
    { code: '38999', production: [5, 5, 5, 5, 5, 5], rpGrowthPct: 0 }
  ]
};

describe('projectScenario', () => {
  it('joins plans to baselines with diagnostics and extrapolates the year past the PLH', () => {
    const v = projectScenario(scenario, [base('38001', 150), base('38002', 100)], calendar, rules);
    expect(v.projections.map((p) => p.code)).toEqual(['38001', '38002']);
    expect(v.defaulted).toEqual(['38002']);
    expect(v.unused).toEqual(['38999']);
    // 38001: 150 + 8 × 1 = 158 LLS at the end of 2031, 42 more needed at 1 a year → during 2073.
    expect(v.projections[0]?.reachedYear).toBeNull();
    expect(v.extrapolatedYear.get('38001')).toBe(2073);
    // 38002 has no plan: it gets the default plan (a positive pace).
    expect(v.projections[1]?.plannedTotal).toBeGreaterThan(0);
    expect(v.summary.communes).toHaveLength(2);
  });

  it('gives the year the target is reached after the PLH at the pace of its last year', () => {
    const v = projectScenario(
      {
        ...scenario,
        communes: [{ code: '38001', production: [5, 5, 5, 5, 5, 5], rpGrowthPct: 0 }]
      },
      [base('38001', 150)],
      calendar,
      rules
    );
    // 150 + 8 × 5 = 190 at the end of 2031; 200 reached after 2 more years: during 2033.
    expect(v.projections[0]?.reachedYear).toBeNull();
    expect(v.extrapolatedYear.get('38001')).toBe(2033);
  });

  it('never reached at zero production: null, not a year', () => {
    const v = projectScenario(
      {
        ...scenario,
        communes: [{ code: '38001', production: [0, 0, 0, 0, 0, 0], rpGrowthPct: 0 }]
      },
      [base('38001', 150)],
      calendar,
      rules
    );
    expect(v.extrapolatedYear.has('38001')).toBe(true);
    expect(v.extrapolatedYear.get('38001')).toBeNull();
  });
});
