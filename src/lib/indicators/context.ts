/**
 * A territory's figure in context (pure): its rank among its peers and the value of the whole
 * group (the Métropole's communes, the communes subject to SRU, the QPV…), for the sheets'
 * « 14,3 % — 5e sur 22 communes SRU ; ensemble des communes SRU : 21,4 % (estimation) ».
 *
 * Method:
 * - Peers are the territories for which the indicator applies (status not `not_applicable`). Peers
 *   with no number (`secret`, `no_data`) are neither ranked nor aggregated; they are counted in
 *   `excluded` so that the text can say so.
 * - Rank: 1 = highest value. Values are compared after rounding to the decimals they are shown
 *   with, so two figures that read the same share one rank (« 3e ex æquo »); ranks are
 *   competition ranks (1, 2, 2, 4).
 * - Aggregate: a real group value where the data allow it — a sum of counts (`sum`), a ratio of
 *   sums (`ratio`: Σ LLS / Σ résidences principales), a weighted mean whose weight is the rate's
 *   own denominator (`weighted`: population served weighted by population) — otherwise the median
 *   of the peers (`median`: a median income cannot be summed). An aggregate resting on an
 *   estimate is an estimate; its range is the one the estimates' own ranges give (bounds of a
 *   ratio: lowest numerator over highest denominator and the reverse).
 */
import type { IndicatorId, IndicatorValue } from '../schemas/indicators';

export type AggregateMethod =
  | { kind: 'sum' }
  | { kind: 'ratio'; numerator: IndicatorId; denominator: IndicatorId; scale: number }
  | { kind: 'weighted'; weight: IndicatorId }
  | { kind: 'median' };

/**
 * How each indicator aggregates over a group of territories. Ids not listed use the median.
 * Rates weighted by population are exact where the rate's denominator is the population
 * (coverage of the population); a share of dwellings or of households has no such weight in the
 * data, so those use the median.
 */
export const AGGREGATE_METHODS: Partial<Record<IndicatorId, AggregateMethod>> = {
  population: { kind: 'sum' },
  surface_ha: { kind: 'sum' },
  sru_taux_lls: { kind: 'ratio', numerator: 'sru_lls', denominator: 'sru_rp_estimees', scale: 100 },
  sru_lls: { kind: 'sum' },
  sru_rp_estimees: { kind: 'sum' },
  sru_lls_manquants: { kind: 'sum' },
  sru_objectif_triennal: { kind: 'sum' },
  sru_prelevement: { kind: 'sum' },
  qpv_nombre: { kind: 'sum' },
  qpv_part_surface: { kind: 'weighted', weight: 'surface_ha' },
  qpv_population: { kind: 'sum' },
  tc_couverture_surface: { kind: 'weighted', weight: 'surface_ha' },
  tc_couverture_population: { kind: 'weighted', weight: 'population' },
  tc_couverture_pop_tram: { kind: 'weighted', weight: 'population' },
  tc_couverture_pop_chrono: { kind: 'weighted', weight: 'population' },
  tc_couverture_pop_bus: { kind: 'weighted', weight: 'population' },
  tc_arrets_pour_1000: { kind: 'weighted', weight: 'population' }
};

export function aggregateMethod(id: IndicatorId): AggregateMethod {
  return AGGREGATE_METHODS[id] ?? { kind: 'median' };
}

/** One territory as the context needs it: its code and its indicator values. */
export interface Peer {
  code: string;
  values: Partial<Record<IndicatorId, IndicatorValue>>;
}

export interface Rank {
  /** 1 = highest value; null when the territory has no number or the indicator does not apply. */
  rank: number | null;
  /** True when another peer shows the same rounded value. */
  tied: boolean;
  /** Other peers sharing the rank (0 when not tied). */
  tiedWith: number;
  /** Peers ranked (those with a number). */
  ranked: number;
  /** Peers for which the indicator applies but which have no number (secret, no data). */
  excluded: number;
}

export interface Aggregate {
  kind: AggregateMethod['kind'];
  value: number;
  estimate: boolean;
  /** Bounds of an estimate, else null. */
  low: number | null;
  high: number | null;
  /** Peers that entered the aggregate. */
  count: number;
}

export interface FigureContext {
  rank: Rank;
  /** Null when no peer has a number (or the weights sum to 0). */
  aggregate: Aggregate | null;
  /** Peers for which the indicator applies (ranked + excluded). */
  applicable: number;
  /** All peers given, applicable or not. */
  total: number;
}

function numberOf(v: IndicatorValue | undefined): number | null {
  return v && v.status === 'ok' && v.value !== null && Number.isFinite(v.value) ? v.value : null;
}

const applies = (v: IndicatorValue | undefined): boolean =>
  v !== undefined && v.status !== 'not_applicable';

/** Rounds as the figure is shown, so that equal-looking values tie. */
function rounded(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

/** Rank of `code` on indicator `id` among `peers` (see the module note for ties and exclusions). */
export function rankAmong(
  code: string,
  id: IndicatorId,
  peers: readonly Peer[],
  decimals: number
): Rank {
  const numbers: { code: string; x: number }[] = [];
  let excluded = 0;
  for (const p of peers) {
    const v = p.values[id];
    if (!applies(v)) continue;
    const x = numberOf(v);
    if (x === null) excluded += 1;
    else numbers.push({ code: p.code, x: rounded(x, decimals) });
  }
  const own = numbers.find((n) => n.code === code);
  if (!own) return { rank: null, tied: false, tiedWith: 0, ranked: numbers.length, excluded };
  const above = numbers.filter((n) => n.x > own.x).length;
  const same = numbers.filter((n) => n.x === own.x).length;
  return { rank: above + 1, tied: same > 1, tiedWith: same - 1, ranked: numbers.length, excluded };
}

interface Bounds {
  value: number;
  low: number;
  high: number;
  estimate: boolean;
}

function bounds(v: IndicatorValue | undefined): Bounds | null {
  const x = numberOf(v);
  if (x === null || !v) return null;
  const est = v.estimate && v.low !== null && v.high !== null;
  return {
    value: x,
    low: est ? Math.min(v.low ?? x, x) : x,
    high: est ? Math.max(v.high ?? x, x) : x,
    estimate: v.estimate
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1
    ? (s[mid] as number)
    : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function result(
  kind: AggregateMethod['kind'],
  value: number,
  low: number,
  high: number,
  estimate: boolean,
  count: number
): Aggregate {
  return {
    kind,
    value,
    estimate,
    low: estimate ? low : null,
    high: estimate ? high : null,
    count
  };
}

/** Value of the whole group of `peers` on indicator `id`, or null when nothing can be computed. */
export function aggregateOf(id: IndicatorId, peers: readonly Peer[]): Aggregate | null {
  const method = aggregateMethod(id);
  switch (method.kind) {
    case 'sum': {
      const bs = peers.map((p) => bounds(p.values[id])).filter((b) => b !== null);
      if (bs.length === 0) return null;
      const sum = (k: 'value' | 'low' | 'high') => bs.reduce((s, b) => s + b[k], 0);
      const est = bs.some((b) => b.estimate);
      return result('sum', sum('value'), sum('low'), sum('high'), est, bs.length);
    }
    case 'ratio': {
      let n = 0;
      let nLow = 0;
      let nHigh = 0;
      let d = 0;
      let dLow = 0;
      let dHigh = 0;
      let est = false;
      let count = 0;
      for (const p of peers) {
        if (numberOf(p.values[id]) === null) continue;
        const num = bounds(p.values[method.numerator]);
        const den = bounds(p.values[method.denominator]);
        if (!num || !den) continue;
        n += num.value;
        nLow += num.low;
        nHigh += num.high;
        d += den.value;
        dLow += den.low;
        dHigh += den.high;
        est ||= num.estimate || den.estimate;
        count += 1;
      }
      if (count === 0 || d <= 0 || dLow <= 0) return null;
      const s = method.scale;
      return result('ratio', (s * n) / d, (s * nLow) / dHigh, (s * nHigh) / dLow, est, count);
    }
    case 'weighted': {
      let w = 0;
      let sv = 0;
      let sLow = 0;
      let sHigh = 0;
      let est = false;
      let count = 0;
      for (const p of peers) {
        const v = bounds(p.values[id]);
        const weight = bounds(p.values[method.weight]);
        if (!v || !weight || weight.value < 0) continue;
        w += weight.value;
        sv += v.value * weight.value;
        sLow += v.low * weight.value;
        sHigh += v.high * weight.value;
        est ||= v.estimate || weight.estimate;
        count += 1;
      }
      if (count === 0 || w <= 0) return null;
      return result('weighted', sv / w, sLow / w, sHigh / w, est, count);
    }
    case 'median': {
      const bs = peers.map((p) => bounds(p.values[id])).filter((b) => b !== null);
      if (bs.length === 0) return null;
      const est = bs.some((b) => b.estimate);
      return result(
        'median',
        median(bs.map((b) => b.value)),
        median(bs.map((b) => b.low)),
        median(bs.map((b) => b.high)),
        est,
        bs.length
      );
    }
  }
}

/**
 * Rank of `code` and aggregate of its group on indicator `id`. The group is the peers for which
 * the indicator applies; `peers` may hold others (they only count in `total`).
 */
export function figureContext(
  code: string,
  id: IndicatorId,
  peers: readonly Peer[],
  decimals: number
): FigureContext {
  const group = peers.filter((p) => applies(p.values[id]));
  const rank = rankAmong(code, id, group, decimals);
  return {
    rank,
    aggregate: aggregateOf(id, group),
    applicable: group.length,
    total: peers.length
  };
}

/**
 * French ordinal of a rank: « 1re » (feminine: une commune), « 1er » (masculine: un quartier),
 * then « 2e », « 3e »… (the abbreviations the Imprimerie nationale recommends, not « 2ème »).
 */
export function frenchOrdinal(n: number, gender: 'f' | 'm'): string {
  if (!Number.isInteger(n) || n < 1) throw new Error(`rang invalide : ${n}`);
  if (n === 1) return gender === 'f' ? '1re' : '1er';
  return `${n}e`;
}
