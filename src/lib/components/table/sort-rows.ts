/** Sorting of the communes table (pure). */
import type { IndicatorId, IndicatorValue, SruStatus } from '../../schemas/indicators';
import { SRU_STATUS_COLUMN, type TableColumnId } from '../../map/table-columns';

/** `value`: the map's column (possibly recomputed in the browser); else a table column. */
export type SortKey = 'nom' | 'value' | TableColumnId;
export type SortDir = 'asc' | 'desc';

export interface TableRow {
  code: string;
  nom: string;
  /** The figure the map shows (the propositions count in that view). */
  value: IndicatorValue | undefined;
  /** The commune's other figures, for the extra columns. */
  values: Partial<Record<IndicatorId, IndicatorValue>>;
  sruStatus: SruStatus | null;
}

/** SRU statuses from the most to the least pressing (the order of an ascending sort). */
export const SRU_STATUS_ORDER: readonly SruStatus[] = [
  'carencee',
  'deficitaire',
  'conforme',
  'exemptee',
  'non_soumise'
];

// Created on first sort, not with the module: a collator costs tens of milliseconds to create
// on a slow device, and the first view adopts the prerendered rows without sorting them.
let collator: Intl.Collator | null = null;
function compareNames(a: string, b: string): number {
  collator ??= new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
  return collator.compare(a, b);
}

function numeric(row: TableRow, key: Exclude<SortKey, 'nom'>): number | null {
  if (key === SRU_STATUS_COLUMN)
    return row.sruStatus === null ? null : SRU_STATUS_ORDER.indexOf(row.sruStatus);
  const v = key === 'value' ? row.value : row.values[key];
  return v?.status === 'ok' ? v.value : null;
}

/**
 * Rows sorted by name (French collation: « Échirolles » between « Domène » and « Eybens »), by a
 * number or by SRU status (carencée first when ascending). Rows without a number (no data, not
 * applicable, secret) always come last, in name order, whatever the direction: they are not « 0 ».
 */
export function sortRows(rows: readonly TableRow[], key: SortKey, dir: SortDir): TableRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (key === 'nom') return sign * compareNames(a.nom, b.nom);
    const va = numeric(a, key);
    const vb = numeric(b, key);
    if (va === null || vb === null) {
      if (va === null && vb === null) return compareNames(a.nom, b.nom);
      return va === null ? 1 : -1;
    }
    return sign * (va - vb) || compareNames(a.nom, b.nom);
  });
}
