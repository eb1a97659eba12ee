import { describe, expect, it } from 'vitest';
import { gapToTargetPoints } from '../../../src/lib/indicators/sru';

describe('gapToTargetPoints (points below the SRU target)', () => {
  it.each<[number | null, number | null, number | null]>([
    [14.3, 25, 10.7],
    [19.9, 20, 0.1],
    [25, 25, 0],
    [31.2, 25, 0],
    [0, 25, 25],
    [null, 25, null],
    [14.3, null, null]
  ])('rate %s, target %s → %s', (rate, target, expected) => {
    expect(gapToTargetPoints(rate, target)).toBe(expected);
  });
});
