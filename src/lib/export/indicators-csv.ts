/**
 * The indicators table for download (`/donnees/indicateurs.csv`): one row per commune.
 *
 * Format, chosen for French spreadsheets (LibreOffice, Excel fr-FR) which open it with a double
 * click: UTF-8 with a byte-order mark (otherwise Excel reads it as Windows-1252), `;` as the
 * separator, decimal comma, no thousands separator, CRLF line ends (RFC 4180). Cells: `s` for INSEE
 * statistical secrecy, empty when the source does not cover the commune or the figure does not apply
 * (e.g. SRU rate of a commune not subject to SRU) — never 0. Columns and their meaning are listed in
 * {@link INDICATORS_CSV_COLUMNS}, which `/sources` shows.
 */
import Papa from 'papaparse';
import type {
  CommuneIndicators,
  IndicatorDefinition,
  IndicatorId,
  IndicatorsFile,
  IndicatorValue
} from '../schemas/indicators';
import { SRU_STATUS_LABELS } from './labels';

export const CSV_BOM = '\ufeff';
export const CSV_DELIMITER = ';';
export const CSV_NEWLINE = '\r\n';

/** How one cell is read from a commune's indicators. */
type CellSource =
  | { kind: 'code' }
  | { kind: 'nom' }
  | { kind: 'sruStatus' }
  | { kind: 'qpvCodes' }
  | { kind: 'value'; indicator: IndicatorId }
  | { kind: 'low'; indicator: IndicatorId }
  | { kind: 'high'; indicator: IndicatorId };

export interface IndicatorsCsvColumn {
  /** Column header (snake_case, stable: people build spreadsheets on it). */
  name: string;
  /** French description for `/sources`. */
  description: string;
  /** Indicator behind the column, if any (its unit, method, sources and vintage apply). */
  indicator: IndicatorId | null;
  source: CellSource;
}

function value(name: string, indicator: IndicatorId, description: string): IndicatorsCsvColumn {
  return { name, description, indicator, source: { kind: 'value', indicator } };
}

/** An estimate's value and the bounds of its interval, as three columns. */
function estimate(
  name: string,
  indicator: IndicatorId,
  description: string
): IndicatorsCsvColumn[] {
  return [
    value(name, indicator, `${description} (estimation)`),
    {
      name: `${name}_min`,
      description: `Borne basse de l'estimation « ${name} »`,
      indicator,
      source: { kind: 'low', indicator }
    },
    {
      name: `${name}_max`,
      description: `Borne haute de l'estimation « ${name} »`,
      indicator,
      source: { kind: 'high', indicator }
    }
  ];
}

export const INDICATORS_CSV_COLUMNS: readonly IndicatorsCsvColumn[] = [
  {
    name: 'code_insee',
    description: 'Code INSEE de la commune',
    indicator: null,
    source: { kind: 'code' }
  },
  {
    name: 'nom',
    description: 'Nom officiel de la commune',
    indicator: null,
    source: { kind: 'nom' }
  },
  value('population', 'population', 'Population municipale (habitants)'),
  {
    name: 'statut_sru',
    description:
      'Situation au regard de la loi SRU : carencée, déficitaire, atteint son objectif, exemptée ou non soumise',
    indicator: null,
    source: { kind: 'sruStatus' }
  },
  value('taux_lls', 'sru_taux_lls', 'Taux de logements locatifs sociaux SRU publié (%)'),
  value('taux_cible', 'sru_taux_cible', 'Taux cible SRU de la période triennale (%)'),
  value('lls', 'sru_lls', 'Logements locatifs sociaux décomptés à l’inventaire SRU'),
  ...estimate('rp_estimees', 'sru_rp_estimees', 'Résidences principales, déduites du taux publié'),
  ...estimate(
    'lls_manquants_estimes',
    'sru_lls_manquants',
    'Logements sociaux manquants pour atteindre le taux cible'
  ),
  ...estimate(
    'objectif_triennal',
    'sru_objectif_triennal',
    'Objectif de rattrapage triennal (logements)'
  ),
  value('prelevement_eur', 'sru_prelevement', 'Prélèvement SRU net (€)'),
  value('qpv_nombre', 'qpv_nombre', 'Nombre de quartiers prioritaires (QPV) dans la commune'),
  {
    name: 'qpv_codes',
    description: 'Codes des QPV de la commune, séparés par des espaces',
    indicator: null,
    source: { kind: 'qpvCodes' }
  },
  value('qpv_part_surface_pct', 'qpv_part_surface', 'Part de la surface communale en QPV (%)'),
  value(
    'couverture_tc_pct',
    'tc_couverture_population',
    'Part de la population à distance de marche d’un arrêt de transport en commun (%)'
  ),
  value(
    'couverture_tc_surface_pct',
    'tc_couverture_surface',
    'Part de la surface à distance de marche d’un arrêt (%)'
  ),
  value(
    'distance_tram_chrono_m',
    'tc_distance_tram_chrono',
    'Distance au plus proche arrêt de tram ou de Chrono (m)'
  ),
  value('arrets_pour_1000_hab', 'tc_arrets_pour_1000', 'Arrêts pour 1 000 habitants'),
  value('vacance_pct', 'logement_vacance', 'Taux de logements vacants (%)'),
  value('proprietaires_pct', 'logement_proprietaires', 'Part de propriétaires occupants (%)'),
  value(
    'revenu_median_eur',
    'revenu_median',
    'Revenu disponible médian par unité de consommation (€)'
  ),
  value('taux_pauvrete_pct', 'taux_pauvrete', 'Taux de pauvreté à 60 % du revenu médian (%)')
];

/** « 14,3 » with the definition's decimals; no thousands separator so spreadsheets read a number. */
export function formatCsvNumber(x: number, decimals: number): string {
  const rounded = Number(x.toFixed(decimals));
  return (Object.is(rounded, -0) ? 0 : rounded).toFixed(decimals).replace('.', ',');
}

function numberCell(
  v: IndicatorValue,
  part: 'value' | 'low' | 'high',
  def: IndicatorDefinition | undefined,
  where: string
): string {
  if (v.status === 'secret') return 's';
  if (v.status !== 'ok') return '';
  const x = v[part];
  if (x === null) {
    // The bounds exist only for estimates; a missing value with status ok is a broken file.
    if (part !== 'value' && !v.estimate) return '';
    throw new Error(`${where} : « ${part} » est vide alors que le statut est « ok »`);
  }
  return formatCsvNumber(x, def?.decimals ?? 2);
}

function cell(
  c: CommuneIndicators,
  col: IndicatorsCsvColumn,
  defs: Map<IndicatorId, IndicatorDefinition>
): string {
  const s = col.source;
  switch (s.kind) {
    case 'code':
      return c.code;
    case 'nom':
      // A name starting with = + - @ must not run as a spreadsheet formula.
      return /^[=+\-@]/.test(c.nom) ? `'${c.nom}` : c.nom;
    case 'sruStatus':
      return SRU_STATUS_LABELS[c.sruStatus];
    case 'qpvCodes':
      return c.qpvCodes.join(' ');
    default: {
      const where = `indicators.json, commune ${c.code}, indicateur ${s.indicator}`;
      const v = c.values[s.indicator];
      if (!v) throw new Error(`${where} : valeur absente`);
      return numberCell(v, s.kind, defs.get(s.indicator), where);
    }
  }
}

/**
 * Builds the CSV text (BOM included) from the indicators file, communes sorted by INSEE code.
 * Throws, naming the commune and the indicator, on a duplicate commune or an `ok` value without a number.
 */
export function buildIndicatorsCsv(file: IndicatorsFile): string {
  const defs = new Map(file.definitions.map((d) => [d.id, d]));
  const seen = new Set<string>();
  for (const c of file.communes) {
    if (seen.has(c.code)) throw new Error(`indicators.json : commune ${c.code} en double`);
    seen.add(c.code);
  }
  const communes = [...file.communes].sort((a, b) => a.code.localeCompare(b.code));
  const rows = communes.map((c) => INDICATORS_CSV_COLUMNS.map((col) => cell(c, col, defs)));
  const text = Papa.unparse(
    { fields: INDICATORS_CSV_COLUMNS.map((c) => c.name), data: rows },
    { delimiter: CSV_DELIMITER, newline: CSV_NEWLINE, quotes: false }
  );
  return `${CSV_BOM}${text}${CSV_NEWLINE}`;
}
