import { describe, expect, it } from 'vitest';
import { placeLabels, type LabelBox } from '../../../src/lib/map/label-placement';

const box = (id: string, x: number, y: number, priority: number): LabelBox => ({
  id,
  x,
  y,
  width: 60,
  height: 16,
  priority
});
const viewport = { width: 400, height: 300 };

describe('placeLabels', () => {
  it('keeps the more important of two overlapping labels', () => {
    expect(placeLabels([box('small', 100, 100, 1), box('big', 120, 105, 9)], viewport)).toEqual(
      new Set(['big'])
    );
  });
  it('keeps labels that do not overlap', () => {
    expect(placeLabels([box('a', 100, 100, 1), box('b', 200, 100, 2)], viewport).size).toBe(2);
  });
  it('hides labels crossing the viewport edge', () => {
    expect(placeLabels([box('edge', 10, 100, 5), box('in', 200, 200, 1)], viewport)).toEqual(
      new Set(['in'])
    );
  });
  it('is order-independent', () => {
    const boxes = [box('a', 100, 100, 3), box('b', 130, 100, 2), box('c', 170, 100, 1)];
    expect(placeLabels(boxes, viewport)).toEqual(placeLabels([...boxes].reverse(), viewport));
    expect(placeLabels(boxes, viewport)).toEqual(new Set(['a', 'c']));
  });
});
