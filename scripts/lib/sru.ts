/**
 * SRU record of each member commune, joined by INSEE code on the inventory rows.
 */
import type { SruTable } from '../../src/lib/data/sru';
import type { DecoupageEpci } from '../../src/lib/schemas/sources/decoupage';
import type { SourceRef } from '../../src/lib/schemas/common';
import type { SruFile, SruRecord } from '../../src/lib/schemas/outputs';

export interface SruResult {
  file: SruFile;
  diagnostics: {
    /** Members with no row in the inventory (outside the SRU perimeter). */
    notInInventory: string[];
    /** Rows of the file attached to this EPCI that match no member (membership drift). */
    unmatchedRows: string[];
    warnings: string[];
  };
  read: number;
  kept: number;
}

export function buildSru(input: {
  table: SruTable;
  epci: DecoupageEpci;
  ref: SourceRef;
}): SruResult {
  const { table, epci, ref } = input;
  const byCode = new Map(table.rows.map((r) => [r.code, r]));
  const memberCodes = new Set(epci.membres.map((m) => m.code));
  const notInInventory: string[] = [];
  const records: SruRecord[] = epci.membres.map((m) => {
    const row = byCode.get(m.code);
    if (!row) {
      notInInventory.push(m.code);
      return {
        code: m.code,
        nomInventaire: null,
        inInventory: false,
        subject: false,
        lls: null,
        ratePct: null,
        targetPct: null,
        deficitaire: false,
        carencee: false,
        exemptee: false,
        newlySubject: false,
        levyEur: null,
        populationMunicipale: null,
        inventoryDate: table.inventoryDate,
        period: table.period
      };
    }
    return {
      code: m.code,
      nomInventaire: row.nom,
      inInventory: true,
      subject: row.subject,
      lls: row.lls,
      ratePct: row.ratePct,
      targetPct: row.targetPct,
      deficitaire: row.deficitaire,
      carencee: row.carencee,
      exemptee: row.exemptee,
      newlySubject: row.subjectPrevious === undefined ? null : row.subject && !row.subjectPrevious,
      levyEur: row.levyEur,
      populationMunicipale: row.population,
      inventoryDate: table.inventoryDate,
      period: table.period
    };
  });
  const withoutFigure = records
    .filter((r) => r.inInventory && (r.lls === null || r.ratePct === null))
    .map((r) => `${r.code} : nombre de LLS ou taux non publié`);
  const unmatchedRows = table.rows
    .filter((r) => r.epci === epci.code && !memberCodes.has(r.code))
    .map((r) => `ligne ${r.line} : ${r.code} ${r.nom}`);
  return {
    file: { ref, epci: epci.code, records },
    diagnostics: { notInInventory, unmatchedRows, warnings: [...table.warnings, ...withoutFigure] },
    read: table.rows.length,
    kept: records.length - notInInventory.length
  };
}
