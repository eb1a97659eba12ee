import { describe, expect, it } from 'vitest';
import { classIndex, classify, jenksBounds } from '../../../src/lib/map/classify';

const oneToTen = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];

describe('classify', () => {
  it.each([
    ['quantiles', oneToTen, 5, [], [1, 3, 5, 7, 9], [2, 2, 2, 2, 2]],
    ['egal', [0, 1, 10], 5, [], [0, 2, 4, 6, 8], [2, 0, 0, 0, 1]],
    ['jenks', [1, 2, 3, 10, 11, 12, 20, 21, 22], 3, [], [1, 10, 20], [3, 3, 3]],
    ['manuel', oneToTen, 5, [7, 3], [1, 3, 7], [2, 4, 4]],
    // Ties collapse quantile bounds rather than making empty classes.
    ['quantiles', [0, 0, 0, 0, 0, 0, 5, 6], 4, [], [0, 5], [6, 2]]
  ] as const)('%s of %j in %d classes', (method, values, k, manual, bounds, counts) => {
    const c = classify(values, method, k, manual);
    expect(c.method).toBe(method);
    expect(c.lowerBounds).toEqual(bounds);
    expect(c.counts).toEqual(counts);
    expect(c.counts.reduce((a, b) => a + b, 0)).toBe(values.length);
  });

  it('ignores non-finite values (no-data never enters a class)', () => {
    const c = classify([1, NaN, 2, Infinity, 3], 'egal', 3);
    expect(c.counts.reduce((a, b) => a + b, 0)).toBe(3);
    expect(c.max).toBe(3);
  });

  it('returns an empty classification for no values', () => {
    expect(classify([], 'jenks', 5)).toEqual({
      method: 'jenks',
      lowerBounds: [],
      max: 0,
      counts: []
    });
  });

  it('falls back to quantiles, and says so, when manual thresholds are missing', () => {
    expect(classify(oneToTen, 'manuel', 2, []).method).toBe('quantiles');
  });

  it('never makes more classes than values', () => {
    expect(classify([4, 8], 'quantiles', 5).lowerBounds).toEqual([4, 8]);
  });
});

describe('jenksBounds', () => {
  it('finds the gap of a two-cluster series', () => {
    expect(jenksBounds([1, 1.5, 2, 2.2, 40, 41, 45], 2)).toEqual([1, 40]);
  });
  it('returns one class for constant data', () => {
    expect(jenksBounds([3, 3, 3], 4)).toEqual([3]);
  });
});

describe('classIndex', () => {
  const c = { lowerBounds: [0, 10, 20] };
  it.each([
    [-5, 0],
    [0, 0],
    [9.99, 0],
    [10, 1],
    [25, 2]
  ])('%d is in class %d', (v, i) => {
    expect(classIndex(v, c)).toBe(i);
  });
  it('is -1 for an empty classification', () => {
    expect(classIndex(3, { lowerBounds: [] })).toBe(-1);
  });
});
