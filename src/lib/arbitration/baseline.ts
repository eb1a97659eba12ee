/**
 * From the generated SRU file to projection inputs: the baseline stock of each SRU commune, the
 * legal calendar, the L302-8 objective rule and a default plan. Pure; the rule rates come from
 * `data/parameters/sru-rules.json` through the indicators layer, never from literals here.
 */
import { catchUpPct, estimateRp } from '$lib/indicators/sru';
import type { SruFile, SruRecord } from '$lib/schemas/outputs';
import type { SruRules } from '$lib/schemas/parameters';
import type { Scenario, ScenarioCommune } from '$lib/schemas/scenario';
import {
  PLH_YEARS,
  type CommuneBaseline,
  type ProjectionOptions,
  type TriennialObjectiveFn
} from './projection';
import { compareFrench } from '$lib/format/collate';

export interface Calendar {
  /** Year of the inventory (stock at 1 January). */
  baseYear: number;
  /** First year of the inventory's triennial period (2023 for « 2023-2025 »). */
  periodAnchor: number;
  periodLength: number;
  /** Default PLH start: the year after the inventory's period, so the PLH spans two full periods. */
  defaultStartYear: number;
}

/** Reads the calendar from the SRU file (inventory date, period) and the rules (period length). */
export function calendarOf(sru: SruFile, rules: SruRules): Calendar {
  const rec = sru.records.find((r) => r.subject) ?? sru.records[0];
  if (!rec) throw new Error('sru.json : aucun enregistrement');
  const year = /^(\d{4})-/.exec(rec.inventoryDate);
  if (!year)
    throw new Error(
      `sru.json, commune ${rec.code}, champ « inventoryDate » : date illisible (${rec.inventoryDate})`
    );
  const period = /^(\d{4})\s*-\s*(\d{4})$/.exec(rec.period);
  if (!period)
    throw new Error(
      `sru.json, commune ${rec.code}, champ « period » : période illisible (${rec.period})`
    );
  const periodAnchor = Number(period[1]);
  return {
    baseYear: Number(year[1]),
    periodAnchor,
    periodLength: rules.periodYears,
    defaultStartYear: Number(period[2]) + 1
  };
}

/**
 * L302-8 objective of a period: the catch-up share (general rule, or the near-target
 * modulation, by the gap to the target in points) of the missing LLS at the period start.
 * Newly-subject reductions are not applied (the SRU file does not say which communes they are).
 */
export function l3028Objective(rules: SruRules): TriennialObjectiveFn {
  return (s) =>
    s.deficit > 0 ? (s.deficit * catchUpPct(s.targetPct - s.ratePct, rules)) / 100 : 0;
}

/**
 * Objective of a commune under a contrat de mixité sociale: `catchUpPct` % of the missing LLS at
 * the period start, in place of the L302-8 rate (a hypothesis set by the user).
 */
export function cmsObjective(catchUpPct: number): TriennialObjectiveFn {
  return (s) => (s.deficit > 0 ? (s.deficit * catchUpPct) / 100 : 0);
}

/**
 * Projection options of a scenario; `cmsCatchUpPct` (from the commune's plan) replaces the legal
 * catch-up rate when set.
 */
export function projectionOptions(
  calendar: Calendar,
  rules: SruRules,
  startYear: number,
  cmsCatchUpPct: number | null = null
): ProjectionOptions {
  return {
    baseYear: calendar.baseYear,
    startYear,
    periodAnchor: calendar.periodAnchor,
    periodLength: calendar.periodLength,
    objective: cmsCatchUpPct === null ? l3028Objective(rules) : cmsObjective(cmsCatchUpPct)
  };
}

/** Legal catch-up rate of a commune at the inventory date, % (L302-8, near-target modulation). */
export function legalCatchUpPct(base: CommuneBaseline, rules: SruRules): number {
  return catchUpPct(base.targetPct - (base.lls / base.rp) * 100, rules);
}

export interface BaselineResult {
  baselines: CommuneBaseline[];
  /** SRU communes that cannot be projected (rate 0 or missing: RP cannot be estimated). */
  unprojectable: { code: string; nom: string; reason: string }[];
}

/**
 * Baselines of the communes subject to SRU. `names` maps INSEE code → official name (the
 * inventory writes names in capitals). RP is estimated from LLS / rate with its rounding bounds.
 */
export function sruBaselines(
  sru: SruFile,
  rules: SruRules,
  names: ReadonlyMap<string, string>
): BaselineResult {
  const baselines: CommuneBaseline[] = [];
  const unprojectable: BaselineResult['unprojectable'] = [];
  for (const r of sru.records.filter((x: SruRecord) => x.inInventory && x.subject)) {
    const nom = names.get(r.code) ?? r.nomInventaire ?? r.code;
    const rp = estimateRp(r.lls, r.ratePct, rules.publishedRateRoundingPoints);
    if (!rp || r.lls === null || r.targetPct === null || !Number.isFinite(rp.high)) {
      unprojectable.push({
        code: r.code,
        nom,
        reason: 'taux SRU nul ou absent : résidences principales non estimables'
      });
      continue;
    }
    baselines.push({
      code: r.code,
      nom,
      lls: r.lls,
      rp: rp.value,
      rpLow: rp.low,
      rpHigh: rp.high,
      targetPct: r.targetPct,
      exempt: r.exemptee
    });
  }
  baselines.sort((a, b) => compareFrench(a.nom, b.nom));
  return { baselines, unprojectable };
}

/**
 * Default plan of a commune: each year a third of the objective of the inventory's period
 * (the pace the law asks for now), rounded up; no RP growth until the user sets one.
 */
export function defaultPlan(
  base: CommuneBaseline,
  calendar: Calendar,
  rules: SruRules
): ScenarioCommune {
  const objective = base.exempt
    ? 0
    : l3028Objective(rules)({
        lls: base.lls,
        rp: base.rp,
        ratePct: (base.lls / base.rp) * 100,
        targetPct: base.targetPct,
        deficit: Math.max(0, (base.targetPct / 100) * base.rp - base.lls),
        periodStart: calendar.periodAnchor
      });
  const perYear = Math.ceil(objective / calendar.periodLength);
  return {
    code: base.code,
    production: Array.from({ length: PLH_YEARS }, () => perYear),
    rpGrowthPct: 0
  };
}

/** A fresh scenario for every projectable SRU commune. */
export function newScenario(
  id: string,
  name: string,
  nowIso: string,
  baselines: readonly CommuneBaseline[],
  calendar: Calendar,
  rules: SruRules
): Scenario {
  return {
    id,
    name,
    createdAt: nowIso,
    updatedAt: nowIso,
    startYear: calendar.defaultStartYear,
    communes: baselines.map((b) => defaultPlan(b, calendar, rules))
  };
}
