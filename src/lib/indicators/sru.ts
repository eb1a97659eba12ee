/**
 * SRU indicators (loi SRU art. 55; CCH L302-5 for the targets, L302-8 for the triennial catch-up
 * objective as amended by art. 68 of the 3DS law n° 2022-217 of 21 February 2022).
 *
 * The inventory gives the LLS count and the rate (%, rounded to 0.1 point) but not the number of
 * résidences principales (RP): RP is estimated as LLS / rate, bounded by the rates rate ± 0.05
 * point that round to the published one. Missing LLS and the catch-up objective follow, with the
 * interval carried through (both are monotonic in RP). Every rate comes from the data (the
 * target from the inventory, the catch-up rates from `data/parameters/sru-rules.json`).
 */
import type { SruStatus } from '$lib/schemas/indicators';
import type { SruRecord } from '$lib/schemas/outputs';
import type { SruRules } from '$lib/schemas/parameters';

/** A quantity with the interval implied by the rounding of the published rate. */
export interface Estimate {
  value: number;
  low: number;
  high: number;
}

export interface SruIndicators {
  status: SruStatus;
  subject: boolean;
  lls: number | null;
  ratePct: number | null;
  targetPct: number | null;
  /** Estimated résidences principales (logements); null when the rate is 0 or missing. */
  rp: Estimate | null;
  /** Missing LLS to reach the target, max(0, target × RP − LLS) (logements). */
  missing: Estimate | null;
  /** Catch-up objective for one triennial period (logements), for déficitaire communes. */
  objective: (Estimate & { catchUpPct: number }) | null;
  levyEur: number | null;
}

/** SRU status; carencée takes precedence over déficitaire, exemptée over both. */
export function sruStatus(record: SruRecord | undefined): SruStatus {
  if (!record || !record.inInventory || !record.subject) return 'non_soumise';
  if (record.exemptee) return 'exemptee';
  if (record.carencee) return 'carencee';
  if (record.deficitaire) return 'deficitaire';
  return 'conforme';
}

/**
 * RP estimated from LLS and the published rate: LLS / rate, interval from rate ∓ rounding.
 * Null when the rate is 0 (RP undetermined) or data is missing.
 */
export function estimateRp(
  lls: number | null,
  ratePct: number | null,
  roundingPoints: number
): Estimate | null {
  if (lls === null || ratePct === null || ratePct <= 0) return null;
  const value = lls / (ratePct / 100);
  const high = ratePct - roundingPoints > 0 ? lls / ((ratePct - roundingPoints) / 100) : Infinity;
  return { value, low: lls / ((ratePct + roundingPoints) / 100), high };
}

/** Missing LLS max(0, target × RP − LLS) for RP and its bounds (monotonic in RP). */
export function missingLls(lls: number, targetPct: number, rp: Estimate): Estimate {
  const f = (x: number) => Math.max(0, (targetPct / 100) * x - lls);
  return { value: f(rp.value), low: f(rp.low), high: f(rp.high) };
}

/**
 * Catch-up rate (% of the missing LLS per triennial period) under CCH L302-8 (3DS):
 * newly-subject communes get the reduced rate of their period rank; otherwise the near-target
 * modulation applies when the gap to the target is below a threshold; otherwise the general rule.
 * @param gapPoints target rate − current rate, in percent points (> 0 for a déficitaire commune)
 * @param newlySubjectPeriod rank of the period since the commune became subject (1 = first), or null
 */
export function catchUpPct(
  gapPoints: number,
  rules: SruRules,
  newlySubjectPeriod: number | null = null
): number {
  if (newlySubjectPeriod !== null) {
    const reduced = rules.newlySubject.find((r) => r.period === newlySubjectPeriod);
    if (reduced) return reduced.catchUpPct;
  }
  const near = [...rules.nearTarget].sort((a, b) => a.maxGapPoints - b.maxGapPoints);
  for (const rule of near) if (gapPoints < rule.maxGapPoints) return rule.catchUpPct;
  return rules.generalCatchUpPct;
}

/** All SRU indicators of one commune. */
export function computeSru(
  record: SruRecord | undefined,
  rules: SruRules,
  newlySubjectPeriod: number | null = null
): SruIndicators {
  const status = sruStatus(record);
  const lls = record?.lls ?? null;
  const ratePct = record?.ratePct ?? null;
  const targetPct = record?.targetPct ?? null;
  const subject = status !== 'non_soumise';
  const rp = subject ? estimateRp(lls, ratePct, rules.publishedRateRoundingPoints) : null;
  const missing =
    subject && rp && lls !== null && targetPct !== null ? missingLls(lls, targetPct, rp) : null;
  let objective: SruIndicators['objective'] = null;
  if (
    missing &&
    ratePct !== null &&
    targetPct !== null &&
    (status === 'deficitaire' || status === 'carencee')
  ) {
    const pct = catchUpPct(targetPct - ratePct, rules, newlySubjectPeriod);
    objective = {
      catchUpPct: pct,
      value: (missing.value * pct) / 100,
      low: (missing.low * pct) / 100,
      high: (missing.high * pct) / 100
    };
  }
  return {
    status,
    subject,
    lls,
    ratePct,
    targetPct,
    rp,
    missing,
    objective,
    levyEur: record?.levyEur ?? null
  };
}

/**
 * Whole years until the LLS rate reaches the target, producing `llsPerYear` new LLS per year
 * while RP grow by `rpGrowthPctPerYear` % per year (each new LLS is also a new RP, counted in the
 * growth). 0 if already at target; null if not reached within `maxYears` (e.g. production too low).
 */
export function yearsToTarget(
  lls: number,
  rp: number,
  targetPct: number,
  llsPerYear: number,
  rpGrowthPctPerYear: number,
  maxYears = 100
): number | null {
  const target = targetPct / 100;
  let l = lls;
  let r = rp;
  for (let year = 0; year <= maxYears; year++) {
    if (l >= target * r) return year;
    l += llsPerYear;
    r *= 1 + rpGrowthPctPerYear / 100;
  }
  return null;
}

/**
 * Gap to the SRU target, in percentage points: target rate − published rate, rounded to the
 * tenth (the published rate's precision), and 0 once the target is reached (a commune above
 * its target owes nothing). Null when either rate is unknown.
 */
export function gapToTargetPoints(ratePct: number | null, targetPct: number | null): number | null {
  if (ratePct === null || targetPct === null) return null;
  return Math.max(0, Math.round((targetPct - ratePct) * 10) / 10);
}
