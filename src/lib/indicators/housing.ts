/**
 * Housing context of a commune from INSEE (census RP for housing, Filosofi for income).
 * Ratios of two published counts are secret when either count is secret, and no-data when either
 * is missing; a zero denominator gives no-data rather than a division by zero.
 */
import type { IndicatorValue } from '$lib/schemas/indicators';
import type { PublishedNumber } from '$lib/schemas/common';
import type { InseeRecord } from '$lib/schemas/outputs';
import { fromPublished, noData, ok, secret } from './values';

/** 100 × numerator / denominator, in percent, with secrecy and gaps propagated. */
export function ratioPct(numerator: PublishedNumber, denominator: PublishedNumber): IndicatorValue {
  if (numerator === 'secret' || denominator === 'secret') return secret();
  if (numerator === null || denominator === null || denominator <= 0) return noData();
  return ok((100 * numerator) / denominator);
}

export interface HousingIndicators {
  /** Vacant dwellings / all dwellings, % (RP). */
  vacancyPct: IndicatorValue;
  /** RP occupied by their owner / RP, % (RP). */
  ownersPct: IndicatorValue;
  /** Median disposable income per consumption unit, € (Filosofi). */
  medianIncomeEur: IndicatorValue;
  /** Poverty rate at 60 % of the median, % (Filosofi). */
  povertyPct: IndicatorValue;
}

export function computeHousing(record: InseeRecord | undefined): HousingIndicators {
  if (!record) {
    return {
      vacancyPct: noData(),
      ownersPct: noData(),
      medianIncomeEur: noData(),
      povertyPct: noData()
    };
  }
  return {
    vacancyPct: ratioPct(record.logementsVacants, record.logements),
    ownersPct: ratioPct(record.proprietaires, record.residencesPrincipales),
    medianIncomeEur: fromPublished(record.revenuMedianEur),
    povertyPct: fromPublished(record.tauxPauvretePct)
  };
}
