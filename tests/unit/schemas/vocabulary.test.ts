import { describe, expect, it } from 'vitest';
import { inseeCodeSchema } from '../../../src/lib/schemas/common';
import { indicatorIdSchema } from '../../../src/lib/schemas/indicators';
import { territoryTagSchema, workshopTagSchema } from '../../../src/lib/schemas/tags';
import {
  isIndicatorId,
  isInseeCode,
  isTerritoryTag,
  isWorkshopColumn,
  isWorkshopTag
} from '../../../src/lib/schemas/vocabulary';
import { workshopColumnSchema } from '../../../src/lib/schemas/workshop';

// The guards stand in for the schemas in the browser: they must accept and refuse the same values.
const CASES: [string, (v: unknown) => boolean, { safeParse(v: unknown): { success: boolean } }][] =
  [
    ['isIndicatorId', isIndicatorId, indicatorIdSchema],
    ['isTerritoryTag', isTerritoryTag, territoryTagSchema],
    ['isWorkshopTag', isWorkshopTag, workshopTagSchema],
    ['isWorkshopColumn', isWorkshopColumn, workshopColumnSchema],
    ['isInseeCode', isInseeCode, inseeCodeSchema]
  ];
const VALUES: unknown[] = [
  'sru_taux_lls',
  'revenu_median',
  'sru_deficitaire',
  'qpv',
  'tous',
  'probleme',
  'action',
  '38185',
  '2A004',
  '2C004',
  '3818',
  '38185 ',
  'SRU_TAUX_LLS',
  '',
  null,
  undefined,
  38185,
  ['qpv'],
  { id: 'qpv' }
];

describe('vocabulary guards agree with the schemas', () => {
  describe.each(CASES)('%s', (_name, guard, schema) => {
    it.each(VALUES.map((v) => [JSON.stringify(v) ?? String(v), v]))('%s', (_label, value) => {
      expect(guard(value)).toBe(schema.safeParse(value).success);
    });
  });
  it('accepts what it should and refuses the rest', () => {
    expect(isIndicatorId('sru_taux_lls')).toBe(true);
    expect(isWorkshopTag('tous')).toBe(true);
    expect(isTerritoryTag('tous')).toBe(false);
    expect(isInseeCode('2B033')).toBe(true);
    expect(isInseeCode(38185)).toBe(false);
  });
});
