/**
 * Catch-up solvers, pure (no I/O, no clock). Counts are dwellings (LLS), rates percent points,
 * growth percent per year, years calendar years.
 *
 * 1. `productionToReach` — for one commune and a target year: the constant yearly LLS production
 *    that brings the projected rate to the target at 31 December of the target year, under the
 *    RP growth hypothesis. Closed form, same model as `projectCommune`: the stock (LLS₀, RP₀) is
 *    known at 1 January of the inventory year B; every year from B to the target year T produces
 *    x LLS (the years before the PLH are projected with the PLH's first-year production, so one
 *    constant covers them), and RP grow by g % a year. With n = T − B + 1 years:
 *        LLS(T) = LLS₀ + n·x,   RP(T) = RP₀·(1 + g/100)ⁿ,
 *        rate(T) ≥ target  ⇔  x ≥ (target·RP(T) − LLS₀) / n,
 *    rounded up to whole dwellings. RP₀ is an estimate (LLS / published rate), so the answer is
 *    given for the central RP and for both bounds: a range, not a single figure.
 * 2. `splitByTriennialObjectives` — for each commune, the production that meets each of its
 *    L302-8 triennial objectives over the PLH: period by period, the smallest whole yearly
 *    production of the period's PLH years whose period is judged met (or on track, pro rata, for a
 *    period partly outside the PLH) by `projectCommune` itself. Exact search (bisection: a
 *    larger production never lowers the period's result), so the answer agrees with the table.
 */
import {
  PLH_YEARS,
  projectCommune,
  type CommuneBaseline,
  type CommunePlan,
  type ProjectionOptions
} from './projection';

/** Upper bound of a yearly production (the scenario schema's limit), dwellings. */
export const MAX_YEARLY_PRODUCTION = 100_000;

/** A yearly production with the range implied by the RP estimate. */
export interface ProductionRange {
  /** Central RP estimate, dwellings per year (whole, rounded up). */
  value: number;
  /** With the smallest RP compatible with the published rate. */
  low: number;
  /** With the largest. */
  high: number;
}

export type ReachResult =
  | {
      kind: 'needed';
      perYear: ProductionRange;
      /** First and last years the production runs (inventory year → target year). */
      fromYear: number;
      targetYear: number;
      /** True when the commune is at its target today and production only keeps it there. */
      keepsTarget: boolean;
      /**
       * True when the LLS produced exceed the growth of RP over the years: the plan then assumes
       * existing private dwellings become social (acquisition, conventionnement).
       */
      exceedsRpGrowth: boolean;
    }
  /** The rate stays at or above the target until the target year with no production. */
  | { kind: 'none_needed'; targetYear: number }
  | { kind: 'exempt' }
  | { kind: 'invalid'; reason: string };

/**
 * Yearly production needed for `base` to reach its target rate at 31 December of `targetYear`.
 * @param startYear first PLH year: the target year must be within or after the PLH (a year before
 *   it cannot be acted on by the plan).
 * @param rpGrowthPct growth of résidences principales, % per year (> −100).
 */
export function productionToReach(
  base: CommuneBaseline,
  baseYear: number,
  startYear: number,
  targetYear: number,
  rpGrowthPct: number
): ReachResult {
  if (base.exempt) return { kind: 'exempt' };
  if (!Number.isInteger(targetYear))
    return { kind: 'invalid', reason: `année cible invalide (${targetYear})` };
  if (targetYear < startYear)
    return {
      kind: 'invalid',
      reason: `année cible ${targetYear} antérieure au début du PLH (${startYear})`
    };
  if (!Number.isFinite(rpGrowthPct) || rpGrowthPct <= -100)
    return { kind: 'invalid', reason: `croissance des RP invalide (${rpGrowthPct})` };
  if (!(base.rp > 0) || !(base.rpLow > 0) || !Number.isFinite(base.rpHigh))
    return { kind: 'invalid', reason: 'résidences principales non estimables' };

  const n = targetYear - baseYear + 1;
  const factor = (1 + rpGrowthPct / 100) ** n;
  const t = base.targetPct / 100;
  // Whole dwellings, rounded up; a tiny tolerance keeps an exact integer from becoming n + 1.
  const need = (rp: number) => Math.max(0, Math.ceil((t * rp * factor - base.lls) / n - 1e-9));
  const value = need(base.rp);
  if (value === 0) return { kind: 'none_needed', targetYear };
  const perYear = { value, low: need(base.rpLow), high: need(base.rpHigh) };
  if (perYear.high > MAX_YEARLY_PRODUCTION)
    return { kind: 'invalid', reason: `production nécessaire hors d'échelle (${perYear.high}/an)` };
  return {
    kind: 'needed',
    perYear,
    fromYear: baseYear,
    targetYear,
    keepsTarget: base.lls >= t * base.rp,
    exceedsRpGrowth: n * value > base.rp * (factor - 1)
  };
}

/** The objective of one triennial period and the yearly production that meets it. */
export interface PeriodSplit {
  start: number;
  end: number;
  /** L302-8 objective of the period, dwellings (from the projected stock at its start). */
  objective: number;
  /** Production per PLH year of the period, dwellings per year. */
  perYear: number;
}

export interface CommuneSplit {
  code: string;
  /** Production of each PLH year, dwellings (index 0 = start year). */
  production: number[];
  periods: PeriodSplit[];
}

const satisfied = (status: string) =>
  status === 'met' || status === 'on_track' || status === 'no_objective';

/**
 * Production meeting each L302-8 triennial objective of one commune over the PLH, its RP growth
 * and its objective rule (in `options`) unchanged. Periods are solved in order, because a
 * period's objective depends on the stock left by the previous ones.
 */
export function splitByTriennialObjectives(
  base: CommuneBaseline,
  rpGrowthPct: number,
  options: ProjectionOptions
): CommuneSplit {
  const production = Array.from({ length: PLH_YEARS }, () => 0);
  const plan = (): CommunePlan => ({ production: [...production], rpGrowthPct });
  const count = projectCommune(base, plan(), options).periods.length;
  const periods: PeriodSplit[] = [];
  for (let k = 0; k < count; k++) {
    const first = projectCommune(base, plan(), options).periods[k];
    if (!first) break;
    const indexes = production
      .map((_, i) => i)
      .filter((i) => options.startYear + i >= first.start && options.startYear + i <= first.end);
    const set = (x: number) => indexes.forEach((i) => (production[i] = x));
    const ok = (x: number) => {
      set(x);
      const p = projectCommune(base, plan(), options).periods[k];
      return p ? satisfied(p.status) : true;
    };
    let lo = 0;
    let hi = MAX_YEARLY_PRODUCTION;
    if (ok(0)) hi = 0;
    else
      while (lo + 1 < hi) {
        // Invariant: ok(hi), !ok(lo).
        const mid = Math.floor((lo + hi) / 2);
        if (ok(mid)) hi = mid;
        else lo = mid;
      }
    set(hi);
    const solved = projectCommune(base, plan(), options).periods[k];
    periods.push({
      start: first.start,
      end: first.end,
      objective: solved?.objective ?? first.objective,
      perYear: hi
    });
  }
  return { code: base.code, production, periods };
}
