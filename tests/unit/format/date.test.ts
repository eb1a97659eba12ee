import { describe, expect, it } from 'vitest';
import { formatIsoDayFr, formatLongDateFr } from '../../../src/lib/format/date';

describe('formatLongDateFr', () => {
  it.each([
    ['2026-11-29T10:15:00.000Z', '29 novembre 2026'],
    // 23:30 UTC is already the next day in Paris (UTC+1 in winter, UTC+2 in summer).
    ['2026-11-29T23:30:00Z', '30 novembre 2026'],
    ['2026-07-31T22:30:00Z', '1er août 2026'],
    ['2025-01-01', '1er janvier 2025'],
    ['2026-11-10T12:00:00Z', '10 novembre 2026'],
    ['', null],
    ['hier', null],
    ['2026-13-45T00:00:00Z', null]
  ])('%s → %s', (iso, expected) => {
    expect(formatLongDateFr(iso)).toBe(expected);
  });
});

describe('formatIsoDayFr', () => {
  it.each([
    ['2024-01-01', '01/01/2024'],
    // The day written in the file, not shifted by a time zone.
    ['2024-01-01T00:00:00Z', '01/01/2024'],
    ['2023-12-31', '31/12/2023'],
    ['2024-13-01', null],
    ['2024-00-10', null],
    ['2024-1-1', null],
    ['01/01/2024', null],
    ['', null]
  ])('%s → %s', (iso, expected) => {
    expect(formatIsoDayFr(iso)).toBe(expected);
  });
});
