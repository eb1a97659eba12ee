import { describe, expect, it } from 'vitest';
import { compareQuery, parseCompareParam } from '../../../src/lib/arbitration/compare-param';

const known = new Set(['38111', '38229', '38485', '38126', '38524', '38185']);

describe('comparison in the URL', () => {
  it.each([
    [null, [], [], []],
    ['', [], [], []],
    ['38111,38229', ['38111', '38229'], [], []],
    [' 38111 , 38229 ,38111', ['38111', '38229'], [], []],
    ['38111,zz,99999', ['38111'], ['zz', '99999'], []],
    ['38111,38229,38485,38126,38524', ['38111', '38229', '38485', '38126'], [], ['38524']]
  ])('parses %j', (raw, codes, unknown, dropped) => {
    expect(parseCompareParam(raw, known)).toEqual({ codes, unknown, dropped });
  });

  it('round-trips through the query string', () => {
    const q = compareQuery(['38229', '38111']);
    expect(q).toBe('?comparer=38229,38111');
    expect(parseCompareParam(new URLSearchParams(q).get('comparer'), known).codes).toEqual([
      '38229',
      '38111'
    ]);
    expect(compareQuery([])).toBe('');
  });
});
