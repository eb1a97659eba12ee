/**
 * Joins a saved scenario to the baselines of the SRU communes and projects it. Pure.
 * Diagnostics: communes of the inventory with no plan in the scenario get the default plan
 * (`defaulted`); plans for communes no longer in the inventory are ignored (`unused`).
 */
import { yearsToTarget } from '$lib/indicators/sru';
import type { SruRules } from '$lib/schemas/parameters';
import type { Scenario } from '$lib/schemas/scenario';
import { defaultPlan, projectionOptions, type Calendar } from './baseline';
import {
  projectCommune,
  summarise,
  type CommuneBaseline,
  type CommuneProjection,
  type IntercommunalSummary
} from './projection';

export interface ScenarioView {
  projections: CommuneProjection[];
  summary: IntercommunalSummary;
  /**
   * Year the target would be reached by carrying on after the PLH at the pace of its last year
   * (same production, same RP growth), when not reached within the PLH; null if never (≤ 50 years).
   */
  extrapolatedYear: Map<string, number | null>;
  defaulted: string[];
  unused: string[];
}

export function projectScenario(
  scenario: Scenario,
  baselines: readonly CommuneBaseline[],
  calendar: Calendar,
  rules: SruRules
): ScenarioView {
  const plans = new Map(scenario.communes.map((c) => [c.code, c]));
  const known = new Set(baselines.map((b) => b.code));
  const defaulted: string[] = [];
  const extrapolatedYear = new Map<string, number | null>();
  const projections = baselines.map((b) => {
    let plan = plans.get(b.code);
    if (!plan) {
      defaulted.push(b.code);
      plan = defaultPlan(b, calendar, rules);
    }
    const p = projectCommune(
      b,
      plan,
      projectionOptions(calendar, rules, scenario.startYear, plan.cmsCatchUpPct ?? null)
    );
    const last = p.years.at(-1);
    if (!p.alreadyAboveTarget && p.reachedYear === null && last) {
      const more = yearsToTarget(
        last.lls,
        last.rp,
        b.targetPct,
        plan.production.at(-1) ?? 0,
        plan.rpGrowthPct,
        50
      );
      extrapolatedYear.set(b.code, more === null ? null : last.year + more);
    }
    return p;
  });
  return {
    projections,
    summary: summarise(projections),
    extrapolatedYear,
    defaulted,
    unused: scenario.communes.map((c) => c.code).filter((c) => !known.has(c))
  };
}
