/**
 * Constructors of `IndicatorValue`: only `ok` carries a number, no-data is never 0.
 */
import type { IndicatorValue } from '$lib/schemas/indicators';
import type { PublishedNumber } from '$lib/schemas/common';

export function ok(value: number): IndicatorValue {
  return { value, status: 'ok', estimate: false, low: null, high: null };
}

/** An estimate with its range (an infinite bound is stored as null: unbounded). */
export function estimate(value: number, low: number, high: number): IndicatorValue {
  const bound = (x: number) => (Number.isFinite(x) ? x : null);
  return { value, status: 'ok', estimate: true, low: bound(low), high: bound(high) };
}

export const secret = (): IndicatorValue => ({
  value: null,
  status: 'secret',
  estimate: false,
  low: null,
  high: null
});

export const noData = (): IndicatorValue => ({
  value: null,
  status: 'no_data',
  estimate: false,
  low: null,
  high: null
});

export const notApplicable = (): IndicatorValue => ({
  value: null,
  status: 'not_applicable',
  estimate: false,
  low: null,
  high: null
});

/** A published figure as a value: number → ok, 'secret' → secret, null/undefined → no_data. */
export function fromPublished(v: PublishedNumber | undefined): IndicatorValue {
  if (v === 'secret') return secret();
  if (v === null || v === undefined) return noData();
  return ok(v);
}

/** Numeric value of an `ok` indicator, else null. */
export function numberOf(v: IndicatorValue | undefined): number | null {
  return v && v.status === 'ok' ? v.value : null;
}
