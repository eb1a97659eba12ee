/**
 * The link between workshop items and territories for download
 * (`/donnees/propositions-par-territoire.csv`): one row per pair (territory, item that applies
 * there), communes first then QPV, items in workshop order. Same format as the indicators table:
 * UTF-8 with a byte-order mark, `;`, CRLF. `raison` is the « why » sentence shown on screen and in
 * print, word for word.
 */
import Papa from 'papaparse';
import { matchItem, evidenceByTag } from '../linking/match';
import type { TerritoryProfile } from '../schemas/tags';
import type { WorkshopItem } from '../schemas/workshop';
import { CSV_BOM, CSV_DELIMITER, CSV_NEWLINE } from './indicators-csv';

export const PROPOSITIONS_CSV_COLUMNS = [
  {
    name: 'code_territoire',
    description:
      'Code INSEE de la commune ou code du quartier prioritaire (QN… pour les périmètres 2024).'
  },
  { name: 'type_territoire', description: '« commune » ou « qpv ».' },
  { name: 'nom_territoire', description: 'Nom du territoire.' },
  {
    name: 'id_proposition',
    description:
      'Identifiant stable de la proposition (T1-PB-07, T1-PB-07.1…), comme dans la base des ateliers.'
  },
  { name: 'theme', description: 'Thème de l’atelier, 1 à 4.' },
  { name: 'colonne', description: '« probleme », « ideal » ou « action ».' },
  {
    name: 'universelle',
    description:
      '« oui » pour une proposition valable partout, « non » pour une proposition ciblée.'
  },
  {
    name: 'raison',
    description:
      'Pourquoi la proposition est rattachée au territoire, avec le chiffre, sa source et son millésime (la phrase affichée sur les fiches).'
  }
] as const;

export function buildPropositionsCsv(
  items: readonly WorkshopItem[],
  profiles: readonly TerritoryProfile[]
): string {
  const ordered = [
    ...profiles.filter((p) => p.kind === 'commune'),
    ...profiles.filter((p) => p.kind === 'qpv')
  ];
  const props = items.filter((i) => i.kind !== 'intro');
  const rows: string[][] = [];
  for (const p of ordered) {
    const byTag = evidenceByTag(p);
    for (const item of props) {
      const m = matchItem(item, p, byTag);
      if (!m) continue;
      rows.push([
        p.code,
        p.kind,
        p.nom,
        item.id,
        String(item.theme),
        item.column,
        m.universal ? 'oui' : 'non',
        m.explanation
      ]);
    }
  }
  return (
    CSV_BOM +
    Papa.unparse(
      { fields: PROPOSITIONS_CSV_COLUMNS.map((c) => c.name), data: rows },
      { delimiter: CSV_DELIMITER, newline: CSV_NEWLINE }
    ) +
    CSV_NEWLINE
  );
}
