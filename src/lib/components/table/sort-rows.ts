/** Sorting of the communes table (pure). */
import type { IndicatorValue } from '../../schemas/indicators';

export type SortKey = 'nom' | 'population' | 'value';
export type SortDir = 'asc' | 'desc';

export interface TableRow {
  code: string;
  nom: string;
  population: number | null;
  value: IndicatorValue | undefined;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

function numeric(row: TableRow, key: 'population' | 'value'): number | null {
  if (key === 'population') return row.population;
  return row.value?.status === 'ok' ? row.value.value : null;
}

/**
 * Rows sorted by name (French collation: « Échirolles » between « Domène » and « Eybens ») or by a
 * number. Rows without a number (no data, not applicable, secret) always come last, in name order,
 * whatever the direction: they are not « 0 ».
 */
export function sortRows(rows: readonly TableRow[], key: SortKey, dir: SortDir): TableRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (key === 'nom') return sign * collator.compare(a.nom, b.nom);
    const va = numeric(a, key);
    const vb = numeric(b, key);
    if (va === null || vb === null) {
      if (va === null && vb === null) return collator.compare(a.nom, b.nom);
      return va === null ? 1 : -1;
    }
    return sign * (va - vb) || collator.compare(a.nom, b.nom);
  });
}
