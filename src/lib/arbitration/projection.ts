/**
 * SRU catch-up scenarios: pure projection of a commune's social-housing (LLS) rate year by year.
 *
 * Method (all counts in dwellings, rates in percent points):
 * - The stock is known at 1 January of `baseYear` (the SRU inventory date): `lls` social dwellings
 *   and an *estimated* number of résidences principales `rp` (LLS / published rate, with the bounds
 *   implied by the rounding of the rate — see the indicators layer).
 * - Each projected year y: LLS(end of y) = LLS(start of y) + production(y);
 *   RP(end of y) = RP(start of y) × (1 + rpGrowthPct / 100); rate = LLS / RP × 100.
 *   New social dwellings are part of the RP growth assumption, not added on top of it.
 * - Years between the inventory and the start of the PLH ("bridge" years) are projected with the
 *   production of the first PLH year, so the PLH starts from a plausible stock; they are flagged.
 * - Triennial periods follow the legal calendar (anchored on the inventory's period, e.g. 2023-2025,
 *   then 2026-2028…). The objective of each period is computed by the injected
 *   `TriennialObjectiveFn` (CCH L302-8, implemented in `src/lib/indicators/`) from the projected
 *   stock at 1 January of the period's first year; the period is met when the LLS produced during
 *   it reach the objective. A period only partly inside the projection is judged pro rata
 *   (« en bonne voie » / « en retard »), never « atteint ».
 *
 * No I/O, no clock: every year is an input.
 */

/** Stock of one SRU commune at the inventory date, the starting point of a projection. */
export interface CommuneBaseline {
  code: string;
  nom: string;
  /** Social dwellings counted by the SRU inventory at 1 January of `baseYear`. */
  lls: number;
  /** Estimated résidences principales at the same date (central value). */
  rp: number;
  /** Bounds of the RP estimate (from the rounding of the published rate). */
  rpLow: number;
  rpHigh: number;
  /** Legal target rate, percent (20 or 25). */
  targetPct: number;
  /** Exempted communes (exemptée) have no catch-up objective. */
  exempt: boolean;
  /**
   * Official triennial objective of the period containing `baseYear`, when known (LLS count);
   * used instead of recomputing it from the projected stock for that period.
   */
  currentPeriodObjective?: number | null;
}

/** Stock at 1 January of a period's first year, the input of the L302-8 objective. */
export interface PeriodStartState {
  lls: number;
  rp: number;
  /** Projected rate at that date, percent. */
  ratePct: number;
  targetPct: number;
  /** Missing LLS at that date: max(0, target × RP − LLS), dwellings. */
  deficit: number;
  /** First year of the triennial period. */
  periodStart: number;
}

/** Triennial catch-up objective (LLS to produce over the period), per CCH L302-8. */
export type TriennialObjectiveFn = (state: PeriodStartState) => number;

/** The scenario of one commune: what the user plans. */
export interface CommunePlan {
  /** LLS produced each PLH year, dwellings/year (index 0 = `startYear`). */
  production: readonly number[];
  /** Yearly growth of résidences principales, percent per year (may be negative). */
  rpGrowthPct: number;
}

export interface ProjectionOptions {
  /** Year of the inventory: the stock is known at 1 January of this year. */
  baseYear: number;
  /** First year of the PLH (editable by the user); must be ≥ baseYear. */
  startYear: number;
  /** First year of a legal triennial period (e.g. 2023 for « 2023-2025 »). */
  periodAnchor: number;
  /** Length of a triennial period in years (3). */
  periodLength: number;
  objective: TriennialObjectiveFn;
}

export interface ProjectedYear {
  year: number;
  /** Production assumed for this year, dwellings. */
  production: number;
  /** True for a year between the inventory and the PLH start (production of PLH year 1 assumed). */
  bridge: boolean;
  /** Stock at 31 December of `year`. */
  lls: number;
  rp: number;
  /** Projected rate at 31 December, percent, with the bounds from the RP estimate. */
  ratePct: number;
  rateLowPct: number;
  rateHighPct: number;
  /** Missing LLS at 31 December, dwellings (central). */
  deficit: number;
  reached: boolean;
}

export type PeriodStatus = 'met' | 'missed' | 'on_track' | 'behind' | 'no_objective';

export interface TriennialCheck {
  start: number;
  end: number;
  /** Objective for the whole period, dwellings. */
  objective: number;
  /** Years of the period inside the projection (≤ periodLength). */
  coveredYears: number;
  /** Of which inside the PLH years. */
  plhYears: number;
  /** LLS produced during the covered years, dwellings. */
  production: number;
  /** True when the objective is the official one rather than recomputed from the projection. */
  official: boolean;
  status: PeriodStatus;
}

export interface CommuneProjection {
  code: string;
  nom: string;
  targetPct: number;
  /** Rate at the inventory date, percent. */
  baseRatePct: number;
  years: ProjectedYear[];
  /** True when the commune is at or above its target at the inventory date. */
  alreadyAboveTarget: boolean;
  /** Year during which the target is reached (31 December), null if not within the projection. */
  reachedYear: number | null;
  periods: TriennialCheck[];
  /** LLS planned over the PLH years, dwellings. */
  plannedTotal: number;
  /** Triennial objectives falling within the PLH years (pro rata for partly covered periods). */
  objectiveTotal: number;
  /** plannedTotal − objectiveTotal: negative when the plan misses the commune's own objective. */
  gap: number;
  missesOwnObjective: boolean;
}

/** Number of PLH years (a PLH runs for six years, CCH L302-1). */
export const PLH_YEARS = 6;

/** Tolerance (dwellings) below which a gap is rounding noise, not a missed objective. */
const EPS = 1e-9;

function deficitOf(lls: number, rp: number, targetPct: number): number {
  return Math.max(0, (targetPct / 100) * rp - lls);
}

function rateOf(lls: number, rp: number): number {
  return rp > 0 ? (lls / rp) * 100 : 0;
}

/** First year of the legal triennial period containing `year`. */
export function periodStartOf(year: number, anchor: number, length: number): number {
  return anchor + Math.floor((year - anchor) / length) * length;
}

/**
 * Projects one commune's rate over the bridge years and the PLH years.
 * Throws on inconsistent input (production of the wrong length, negative values, start before
 * the inventory), naming the commune and the field.
 */
export function projectCommune(
  base: CommuneBaseline,
  plan: CommunePlan,
  options: ProjectionOptions
): CommuneProjection {
  const { baseYear, startYear, periodAnchor, periodLength } = options;
  const where = `commune ${base.code} (${base.nom})`;
  if (!Number.isInteger(startYear) || startYear < baseYear)
    throw new Error(
      `${where} : année de début ${startYear} antérieure à l'inventaire (${baseYear})`
    );
  if (plan.production.length !== PLH_YEARS)
    throw new Error(
      `${where} : production attendue pour ${PLH_YEARS} années, ${plan.production.length} reçue(s)`
    );
  plan.production.forEach((p, i) => {
    if (!Number.isFinite(p) || p < 0)
      throw new Error(`${where} : production de l'année ${startYear + i} invalide (${p})`);
  });
  if (!Number.isFinite(plan.rpGrowthPct) || plan.rpGrowthPct <= -100)
    throw new Error(`${where} : croissance des RP invalide (${plan.rpGrowthPct})`);
  if (!(base.rp > 0)) throw new Error(`${where} : nombre de RP estimé invalide (${base.rp})`);

  const endYear = startYear + PLH_YEARS - 1;
  const growth = 1 + plan.rpGrowthPct / 100;
  const first = plan.production[0] ?? 0;

  // Stock at 1 January of each year, keyed by year, to evaluate objectives at period starts.
  const startOfYear = new Map<number, { lls: number; rp: number }>();
  let lls = base.lls;
  let rp = base.rp;
  let rpLow = base.rpLow;
  let rpHigh = base.rpHigh;
  const baseRatePct = rateOf(base.lls, base.rp);
  const alreadyAboveTarget = baseRatePct >= base.targetPct;
  let reachedYear: number | null = null;
  const years: ProjectedYear[] = [];
  for (let year = baseYear; year <= endYear; year++) {
    startOfYear.set(year, { lls, rp });
    const bridge = year < startYear;
    const production = bridge ? first : (plan.production[year - startYear] ?? 0);
    lls += production;
    rp *= growth;
    rpLow *= growth;
    rpHigh *= growth;
    const ratePct = rateOf(lls, rp);
    const reached = ratePct >= base.targetPct;
    if (reached && reachedYear === null && !alreadyAboveTarget) reachedYear = year;
    years.push({
      year,
      production,
      bridge,
      lls,
      rp,
      ratePct,
      // A smaller RP gives a higher rate: the bounds swap.
      rateLowPct: rateOf(lls, rpHigh),
      rateHighPct: rateOf(lls, rpLow),
      deficit: deficitOf(lls, rp, base.targetPct),
      reached
    });
  }

  const periods: TriennialCheck[] = [];
  for (
    let start = periodStartOf(startYear, periodAnchor, periodLength);
    start <= endYear;
    start += periodLength
  ) {
    const end = start + periodLength - 1;
    const covered = years.filter((y) => y.year >= start && y.year <= end);
    const plhYears = covered.filter((y) => !y.bridge).length;
    const production = covered.reduce((s, y) => s + y.production, 0);
    const official = base.currentPeriodObjective != null && baseYear >= start && baseYear <= end;
    let objective = 0;
    if (!base.exempt) {
      if (official) objective = base.currentPeriodObjective ?? 0;
      else {
        // Period starting before the inventory: its start stock is unknown, use the inventory's.
        const s = startOfYear.get(Math.max(start, baseYear)) ?? { lls: base.lls, rp: base.rp };
        objective = options.objective({
          lls: s.lls,
          rp: s.rp,
          ratePct: rateOf(s.lls, s.rp),
          targetPct: base.targetPct,
          deficit: deficitOf(s.lls, s.rp, base.targetPct),
          periodStart: start
        });
      }
    }
    let status: PeriodStatus;
    if (base.exempt || objective <= EPS) status = 'no_objective';
    else if (covered.length === periodLength)
      status = production + EPS >= objective ? 'met' : 'missed';
    else
      status =
        production + EPS >= (objective * covered.length) / periodLength ? 'on_track' : 'behind';
    periods.push({
      start,
      end,
      objective,
      coveredYears: covered.length,
      plhYears,
      production,
      official,
      status
    });
  }

  const plannedTotal = plan.production.reduce((s, p) => s + p, 0);
  const objectiveTotal = periods.reduce((s, p) => s + (p.objective * p.plhYears) / periodLength, 0);
  const gap = plannedTotal - objectiveTotal;
  return {
    code: base.code,
    nom: base.nom,
    targetPct: base.targetPct,
    baseRatePct,
    years,
    alreadyAboveTarget,
    reachedYear,
    periods,
    plannedTotal,
    objectiveTotal,
    gap,
    missesOwnObjective: gap < -EPS
  };
}

export interface IntercommunalSummary {
  communes: CommuneProjection[];
  objectiveTotal: number;
  plannedTotal: number;
  /** plannedTotal − objectiveTotal over all communes. */
  gap: number;
  /** The PLH may spread the effort: the total is what must be met. */
  totalMet: boolean;
  /** Communes whose own plan misses their own objective (to highlight). */
  missing: string[];
}

/**
 * Intercommunal view: objectives, planned production and gap per commune and in total.
 * A commune's plan may miss its own objective while the total is met (the PLH mutualises).
 */
export function summarise(projections: readonly CommuneProjection[]): IntercommunalSummary {
  const objectiveTotal = projections.reduce((s, p) => s + p.objectiveTotal, 0);
  const plannedTotal = projections.reduce((s, p) => s + p.plannedTotal, 0);
  const gap = plannedTotal - objectiveTotal;
  return {
    communes: [...projections],
    objectiveTotal,
    plannedTotal,
    gap,
    totalMet: gap >= -EPS,
    missing: projections.filter((p) => p.missesOwnObjective).map((p) => p.code)
  };
}
