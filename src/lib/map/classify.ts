/**
 * Classification of indicator values into colour classes (pure).
 * A classification is described by its class lower bounds: class i holds the values v with
 * `bounds[i] <= v < bounds[i + 1]` (the last class includes the maximum), which is exactly how a
 * MapLibre `step` expression reads them.
 */

export const CLASS_METHODS = ['quantiles', 'jenks', 'egal', 'manuel'] as const;
export type ClassMethod = (typeof CLASS_METHODS)[number];

export const CLASS_METHOD_LABELS: Record<ClassMethod, string> = {
  quantiles: 'Quantiles (effectifs égaux)',
  jenks: 'Seuils naturels (Jenks)',
  egal: 'Intervalles égaux',
  manuel: 'Seuils manuels'
};

export interface Classification {
  method: ClassMethod;
  /** Lower bound of each class, ascending, first = minimum of the values. */
  lowerBounds: number[];
  /** Maximum of the values (upper bound of the last class). */
  max: number;
  /** Number of values in each class. */
  counts: number[];
}

function sortedFinite(values: readonly number[]): number[] {
  return values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
}

/** Removes repeated bounds (ties in quantiles, constant data), keeping ascending order. */
function dedupe(bounds: number[]): number[] {
  const out: number[] = [];
  for (const b of bounds) if (out.length === 0 || b > out[out.length - 1]!) out.push(b);
  return out;
}

/** Index of the class of `value` (0-based), or -1 when the classification is empty. */
export function classIndex(value: number, c: { readonly lowerBounds: readonly number[] }): number {
  let index = -1;
  for (let i = 0; i < c.lowerBounds.length; i++) if (value >= c.lowerBounds[i]!) index = i;
  // Values below the first bound (possible with manual breaks) fall in the first class.
  return c.lowerBounds.length > 0 ? Math.max(index, 0) : -1;
}

function finish(method: ClassMethod, sorted: number[], lowerBounds: number[]): Classification {
  const c = { method, lowerBounds: dedupe(lowerBounds), max: sorted[sorted.length - 1] ?? 0 };
  const counts = c.lowerBounds.map(() => 0);
  for (const v of sorted) counts[classIndex(v, c)]!++;
  return { ...c, counts };
}

/** Quantiles: each class holds about n/k values; a bound is the first value of its class. */
export function quantileBounds(sorted: readonly number[], k: number): number[] {
  const n = sorted.length;
  const bounds: number[] = [];
  for (let i = 0; i < k; i++) bounds.push(sorted[Math.floor((i * n) / k)]!);
  return bounds;
}

/** Equal intervals between minimum and maximum. */
export function equalBounds(sorted: readonly number[], k: number): number[] {
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  const step = (max - min) / k;
  return Array.from({ length: k }, (_, i) => min + i * step);
}

/**
 * Jenks natural breaks (Fisher's exact optimisation): minimises the sum of squared deviations
 * within classes. O(k·n²), fine for a few hundred territories. Returns the first value of each class.
 */
export function jenksBounds(sorted: readonly number[], k: number): number[] {
  const n = sorted.length;
  const classes = Math.min(k, new Set(sorted).size);
  if (classes <= 1) return [sorted[0]!];
  // cost[j][m]: best cost of putting the first m values into j+1 classes; start[j][m]: first index of the last class.
  const prefix = [0];
  const prefixSq = [0];
  for (const v of sorted) {
    prefix.push(prefix[prefix.length - 1]! + v);
    prefixSq.push(prefixSq[prefixSq.length - 1]! + v * v);
  }
  const ssd = (from: number, to: number): number => {
    // Sum of squared deviations of sorted[from..to) around their mean.
    const count = to - from;
    const sum = prefix[to]! - prefix[from]!;
    return prefixSq[to]! - prefixSq[from]! - (sum * sum) / count;
  };
  const cost: number[][] = [Array.from({ length: n + 1 }, (_, m) => (m === 0 ? 0 : ssd(0, m)))];
  const start: number[][] = [Array.from({ length: n + 1 }, () => 0)];
  for (let j = 1; j < classes; j++) {
    const row = Array.from({ length: n + 1 }, () => Infinity);
    const from = Array.from({ length: n + 1 }, () => 0);
    for (let m = j + 1; m <= n; m++) {
      for (let s = j; s < m; s++) {
        const c = cost[j - 1]![s]! + ssd(s, m);
        if (c < row[m]!) {
          row[m] = c;
          from[m] = s;
        }
      }
    }
    cost.push(row);
    start.push(from);
  }
  const firsts: number[] = [];
  let m = n;
  for (let j = classes - 1; j >= 0; j--) {
    const s = start[j]![m]!;
    firsts.unshift(s);
    m = s;
  }
  return firsts.map((i) => sorted[i]!);
}

/**
 * Classifies values into `k` classes (2–7) with the given method. `manual` takes the inner
 * thresholds (between classes); values below the first threshold form the first class.
 * Non-finite values are ignored (no-data never enters a class).
 */
export function classify(
  values: readonly number[],
  method: ClassMethod,
  k: number,
  manualThresholds: readonly number[] = []
): Classification {
  const sorted = sortedFinite(values);
  if (sorted.length === 0) return { method, lowerBounds: [], max: 0, counts: [] };
  const wanted = Math.max(1, Math.round(k));
  // Quantiles and Jenks cannot make more classes than values; equal intervals may be empty.
  const classes = Math.min(wanted, sorted.length);
  switch (method) {
    case 'quantiles':
      return finish(method, sorted, quantileBounds(sorted, classes));
    case 'egal':
      return finish(method, sorted, equalBounds(sorted, wanted));
    case 'jenks':
      return finish(method, sorted, jenksBounds(sorted, classes));
    case 'manuel': {
      const inner = [...manualThresholds].filter((t) => Number.isFinite(t)).sort((a, b) => a - b);
      if (inner.length === 0) return finish('quantiles', sorted, quantileBounds(sorted, classes));
      return finish(method, sorted, [Math.min(sorted[0]!, inner[0]!), ...inner]);
    }
  }
}
