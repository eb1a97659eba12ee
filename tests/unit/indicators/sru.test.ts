import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  catchUpPct,
  computeSru,
  estimateRp,
  missingLls,
  sruStatus,
  yearsToTarget
} from '../../../src/lib/indicators/sru';
import { sruRulesSchema } from '../../../src/lib/schemas/parameters';
import { sruRecord } from '../../fixtures/indicators/synthetic';

const rules = sruRulesSchema.parse(
  JSON.parse(
    readFileSync(new URL('../../../data/parameters/sru-rules.json', import.meta.url), 'utf-8')
  )
);

describe('SRU status', () => {
  it.each([
    [undefined, 'non_soumise'],
    [sruRecord('00001', { inInventory: false, subject: false }), 'non_soumise'],
    [sruRecord('00001', { subject: false }), 'non_soumise'],
    [sruRecord('00001', { deficitaire: false, ratePct: 25 }), 'conforme'],
    [sruRecord('00001'), 'deficitaire'],
    [sruRecord('00001', { carencee: true }), 'carencee'],
    [sruRecord('00001', { exemptee: true, carencee: true }), 'exemptee']
  ] as const)('%#: %s', (record, expected) => {
    expect(sruStatus(record)).toBe(expected);
  });
});

describe('RP estimated from LLS and the rounded rate', () => {
  it('is LLS / rate with bounds from rate ± 0.05 point', () => {
    const rp = estimateRp(1430, 14.3, 0.05);
    expect(rp?.value).toBeCloseTo(10000, 6);
    expect(rp?.low).toBeCloseTo(1430 / 0.1435, 6);
    expect(rp?.high).toBeCloseTo(1430 / 0.1425, 6);
  });
  it.each([
    [null, 14.3],
    [100, null],
    [0, 0]
  ])('is null when undetermined (lls %s, rate %s)', (lls, rate) => {
    expect(estimateRp(lls, rate, 0.05)).toBeNull();
  });
  it('has an unbounded high end when the rate rounds from 0', () => {
    expect(estimateRp(3, 0.05, 0.05)?.high).toBe(Infinity);
  });
});

describe('missing LLS', () => {
  it('is target × RP − LLS with its interval, floored at 0', () => {
    const m = missingLls(1430, 20, { value: 10000, low: 9965.16, high: 10035.09 });
    expect(m.value).toBeCloseTo(570, 6);
    expect(m.low).toBeCloseTo(0.2 * 9965.16 - 1430, 6);
    expect(m.high).toBeCloseTo(0.2 * 10035.09 - 1430, 6);
    expect(m.low).toBeLessThanOrEqual(m.value);
    expect(m.high).toBeGreaterThanOrEqual(m.value);
  });
  it('is exactly 0 (empty interval) above target', () => {
    const rp = estimateRp(2510, 25.1, 0.05);
    expect(rp).not.toBeNull();
    expect(missingLls(2510, 20, rp!)).toEqual({ value: 0, low: 0, high: 0 });
  });
});

describe('triennial catch-up rate (CCH L302-8, rates from data/parameters/sru-rules.json)', () => {
  const near = [...rules.nearTarget].sort((a, b) => a.maxGapPoints - b.maxGapPoints);
  it.each([
    ['far from target', 10, null, rules.generalCatchUpPct],
    [
      'just under the last near-target threshold',
      (near.at(-1)?.maxGapPoints ?? 0) - 0.1,
      null,
      near.at(-1)?.catchUpPct
    ],
    [
      'at the last threshold (strict bound)',
      near.at(-1)?.maxGapPoints ?? 0,
      null,
      rules.generalCatchUpPct
    ],
    ['closest to target', (near[0]?.maxGapPoints ?? 0) - 0.1, null, near[0]?.catchUpPct],
    [
      'newly subject, first period',
      10,
      1,
      rules.newlySubject.find((r) => r.period === 1)?.catchUpPct
    ],
    ['newly subject, past the reduced periods', 10, 99, rules.generalCatchUpPct]
  ])('%s', (_name, gap, period, expected) => {
    expect(catchUpPct(gap, rules, period)).toBe(expected);
  });
  it('general rule is the 3DS 33 % and the period is 3 years', () => {
    expect(rules.generalCatchUpPct).toBe(33);
    expect(rules.periodYears).toBe(3);
    expect(rules.source).toMatch(/L302-8/);
  });
});

describe('computeSru', () => {
  it('gives the estimated objective only to déficitaire communes, inside its interval', () => {
    const s = computeSru(sruRecord('00001', { lls: 1430, ratePct: 14.3, targetPct: 20 }), rules);
    expect(s.status).toBe('deficitaire');
    expect(s.objective?.catchUpPct).toBe(rules.generalCatchUpPct);
    expect(s.objective?.value).toBeCloseTo((570 * rules.generalCatchUpPct) / 100, 6);
    expect(s.objective!.low).toBeLessThanOrEqual(s.objective!.value);
    expect(s.objective!.high).toBeGreaterThanOrEqual(s.objective!.value);
    const ok = computeSru(
      sruRecord('00002', { deficitaire: false, lls: 2510, ratePct: 25.1 }),
      rules
    );
    expect(ok.objective).toBeNull();
    expect(ok.missing).toEqual({ value: 0, low: 0, high: 0 });
    const out = computeSru(undefined, rules);
    expect(out.rp).toBeNull();
    expect(out.missing).toBeNull();
  });
  it('reads the target from the record, never assumes 20 %', () => {
    const s = computeSru(sruRecord('00001', { lls: 1430, ratePct: 14.3, targetPct: 25 }), rules);
    expect(s.missing?.value).toBeCloseTo(2500 - 1430, 6);
  });
});

describe('years to reach the target', () => {
  it.each([
    ['already at target', 2500, 10000, 20, 0, 0, 0],
    ['570 missing, 100/year, no growth', 1430, 10000, 20, 100, 0, 6],
    ['production too low for growth', 1430, 10000, 20, 10, 1, null]
  ])('%s', (_name, lls, rp, target, perYear, growth, expected) => {
    expect(yearsToTarget(lls, rp, target, perYear, growth)).toBe(expected);
  });
  it('takes longer when RP grow', () => {
    expect(yearsToTarget(1430, 10000, 20, 100, 0.5)!).toBeGreaterThan(6);
  });
});
