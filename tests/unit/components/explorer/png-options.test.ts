import { describe, expect, it } from 'vitest';
import { localDay, pngFileName } from '../../../../src/lib/components/explorer/png-options';

describe('localDay / pngFileName', () => {
  it.each([
    ['an ordinary day', new Date(2026, 10, 30, 15, 20), '2026-11-30'],
    ['month and day padded', new Date(2026, 0, 5, 9, 0), '2026-01-05'],
    // The user's calendar day, not the UTC one (23:30 local is still that day).
    ['late in the evening', new Date(2026, 11, 31, 23, 30), '2026-12-31'],
    ['just after midnight', new Date(2027, 0, 1, 0, 5), '2027-01-01']
  ] as const)('%s', (_name, date, day) => {
    expect(localDay(date)).toBe(day);
    expect(pngFileName('sru_taux_lls', date)).toBe(`atlas-plh-sru_taux_lls-${day}.png`);
    expect(pngFileName('propositions', date)).toBe(`atlas-plh-propositions-${day}.png`);
  });
});
