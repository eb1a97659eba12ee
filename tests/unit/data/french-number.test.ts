import { describe, expect, it } from 'vitest';
import { parseFrenchNumber } from '../../../src/lib/data/french-number';

describe('parseFrenchNumber', () => {
  it.each([
    ['25,10%', '%', 25.1],
    ['20%', '%', 20],
    ['46 559,19 €', '€', 46559.19],
    ['46\u00a0559,19 €', '€', 46559.19],
    ['46\u202f559,19\u202f€', '€', 46559.19],
    ['0,00 €', '€', 0],
    ['295.093653909412', undefined, 295.093653909412],
    ['76,0', undefined, 76],
    ['-3,5', undefined, -3.5]
  ] as const)('reads %j as %d', (raw, unit, expected) => {
    expect(parseFrenchNumber(raw, unit)).toBe(expected);
  });

  it.each([['abc'], [''], ['1.234,5'], ['12,5 %x'], ['s'], ['25,10%']])(
    'rejects %j without the matching unit',
    (raw) => {
      expect(parseFrenchNumber(raw)).toBeNull();
    }
  );
});
