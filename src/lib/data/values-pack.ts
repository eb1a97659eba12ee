/**
 * A compact, lossless transport form of the indicator values for prerendered pages. Each value is
 * an object of five fields ({ value, status, estimate, low, high }); 49 communes and their QPV
 * times 30 indicators wrote 200 KB of page data into the explorer's HTML, parsed as script on
 * every first view. Packed, a value is a number (exact), a triple (estimate and its range) or its
 * status (no number): a third of the size. The browser unpacks it before anything reads it.
 * No zod here: this runs in the browser on the first view.
 */
import type { ExplorerIndicators, IndicatorValue } from '../schemas/indicators';
import { INDICATOR_IDS, type IndicatorId } from '../schemas/vocabulary';

type Status = IndicatorValue['status'];

/**
 * One value: a number (`ok`, exact), `[value, low, high]` (`ok`, estimate), the status (no number),
 * the whole object for any other combination, or null when the territory has no such value.
 */
export type PackedValue =
  number | [number, number | null, number | null] | Exclude<Status, 'ok'> | IndicatorValue | null;

/** `values` as one entry per id of `INDICATOR_IDS`, in that order. */
export function packValues(values: Partial<Record<IndicatorId, IndicatorValue>>): PackedValue[] {
  return INDICATOR_IDS.map((id) => {
    const v = values[id];
    if (v === undefined) return null;
    if (v.status === 'ok' && v.value !== null) {
      if (!v.estimate && v.low === null && v.high === null) return v.value;
      if (v.estimate) return [v.value, v.low, v.high];
    }
    if (v.status !== 'ok' && v.value === null && !v.estimate && v.low === null && v.high === null)
      return v.status;
    return v;
  });
}

/** The inverse of `packValues`. */
export function unpackValues(packed: readonly PackedValue[]): Record<IndicatorId, IndicatorValue> {
  const out: Partial<Record<IndicatorId, IndicatorValue>> = {};
  INDICATOR_IDS.forEach((id, i) => {
    const p = packed[i];
    if (p === null || p === undefined) return;
    if (typeof p === 'number')
      out[id] = { value: p, status: 'ok', estimate: false, low: null, high: null };
    else if (Array.isArray(p))
      out[id] = { value: p[0], status: 'ok', estimate: true, low: p[1], high: p[2] };
    else if (typeof p === 'string')
      out[id] = { value: null, status: p, estimate: false, low: null, high: null };
    else out[id] = p;
  });
  // Every id of a complete record is back; a partial one stays partial, as it came.
  return out as Record<IndicatorId, IndicatorValue>;
}

type Packed<T extends { values: unknown }> = Omit<T, 'values'> & { values: PackedValue[] };
export type PackedIndicators = Omit<ExplorerIndicators, 'communes' | 'qpv'> & {
  communes: Packed<ExplorerIndicators['communes'][number]>[];
  qpv: Packed<ExplorerIndicators['qpv'][number]>[];
};

/** The explorer's indicators with packed values (server side, at build). */
export function packIndicators(file: ExplorerIndicators): PackedIndicators {
  return {
    ...file,
    communes: file.communes.map((c) => ({ ...c, values: packValues(c.values) })),
    qpv: file.qpv.map((q) => ({ ...q, values: packValues(q.values) }))
  };
}

/** The inverse of `packIndicators` (in the browser, before the page reads them). */
export function unpackIndicators(file: PackedIndicators): ExplorerIndicators {
  return {
    ...file,
    communes: file.communes.map((c) => ({ ...c, values: unpackValues(c.values) })),
    qpv: file.qpv.map((q) => ({ ...q, values: unpackValues(q.values) }))
  };
}
