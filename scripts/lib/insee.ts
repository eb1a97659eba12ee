/** INSEE housing and income figures of each member commune; members absent → null (no data). */
import type { InseeTable } from '../../src/lib/data/insee';
import type { DecoupageEpci } from '../../src/lib/schemas/sources/decoupage';
import type { InseeFile, InseeRecord } from '../../src/lib/schemas/outputs';

export function buildInsee(input: { table: InseeTable; epci: DecoupageEpci; source: string }): {
  file: InseeFile;
  missing: string[];
  read: number;
  kept: number;
} {
  const { table, epci, source } = input;
  const byCode = new Map(table.rows.map((r) => [r.code, r]));
  const missing: string[] = [];
  const records: InseeRecord[] = epci.membres.map((m) => {
    const r = byCode.get(m.code);
    if (!r) missing.push(m.code);
    return {
      code: m.code,
      population: r ? r.population : null,
      logements: r ? r.logements : null,
      residencesPrincipales: r ? r.residencesPrincipales : null,
      logementsVacants: r ? r.logementsVacants : null,
      proprietaires: r ? r.proprietaires : null,
      revenuMedianEur: r ? r.revenuMedianEur : null,
      tauxPauvretePct: r ? r.tauxPauvretePct : null,
      ...(r && r.populationPrevious !== undefined
        ? { populationPrevious: r.populationPrevious }
        : {})
    };
  });
  return {
    file: {
      housingRef: { source, vintage: `RP ${table.censusYear}` },
      incomeRef: { source, vintage: `Filosofi ${table.incomeYear}` },
      populationChange:
        table.previousCensusYear !== null
          ? { from: table.previousCensusYear, to: table.censusYear }
          : null,
      records
    },
    missing,
    read: table.rows.length,
    kept: records.length - missing.length
  };
}
