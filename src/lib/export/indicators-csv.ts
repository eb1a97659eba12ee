/**
 * The indicators table for download (`/donnees/indicateurs.csv`): one row per commune.
 *
 * Format, chosen for French spreadsheets (LibreOffice, Excel fr-FR) which open it with a double
 * click: UTF-8 with a byte-order mark (otherwise Excel reads it as Windows-1252), `;` as the
 * separator, decimal comma, no thousands separator, CRLF line ends (RFC 4180). Cells: `s` for INSEE
 * statistical secrecy, empty when the source does not cover the commune or the figure does not apply
 * (e.g. SRU rate of a commune not subject to SRU) — never 0. A secret figure is an empty cell too,
 * never a letter (a single « s » turns a whole column into text in a spreadsheet): the column
 * `<name>_statut` that follows every indicator open to statistical secrecy says why the cell is
 * empty. Columns: the fixed {@link INDICATORS_CSV_COLUMNS}, then every other indicator of the file
 * (see {@link indicatorsCsvColumns}, which `/sources` shows).
 */
import Papa from 'papaparse';
import type {
  CommuneIndicators,
  IndicatorDefinition,
  IndicatorId,
  IndicatorsFile,
  IndicatorValue
} from '../schemas/indicators';
import { SRU_STATUS_LABELS, VALUE_STATUS_LABELS } from './labels';

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
  | { kind: 'high'; indicator: IndicatorId }
  | { kind: 'status'; indicator: IndicatorId };

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
  value('surface_ha', 'surface_ha', 'Surface de la commune (ha)'),
  {
    name: 'statut_sru',
    description:
      'Situation au regard de la loi SRU : carencée, déficitaire, atteint son objectif, exemptée ou non soumise',
    indicator: null,
    source: { kind: 'sruStatus' }
  },
  value('taux_lls', 'sru_taux_lls', 'Taux de logements locatifs sociaux SRU publié (%)'),
  value('taux_cible', 'sru_taux_cible', 'Taux cible SRU de la période triennale (%)'),
  value(
    'ecart_cible_points',
    'sru_ecart_cible_points',
    'Écart au taux cible SRU (points de pourcentage ; 0 une fois la cible atteinte)'
  ),
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
  value('qpv_population', 'qpv_population', 'Population des QPV de la commune (habitants)'),
  value(
    'couverture_tc_pct',
    'tc_couverture_population',
    'Part de la population à distance de marche d’un arrêt de transport en commun (%)'
  ),
  value(
    'couverture_tram_pct',
    'tc_couverture_pop_tram',
    'Part de la population à distance de marche d’un arrêt de tram (%)'
  ),
  value(
    'couverture_chrono_pct',
    'tc_couverture_pop_chrono',
    'Part de la population à distance de marche d’un arrêt de ligne Chrono (%)'
  ),
  value(
    'couverture_bus_pct',
    'tc_couverture_pop_bus',
    'Part de la population à distance de marche d’un arrêt d’une autre ligne de bus (%)'
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

/**
 * Sources under INSEE statistical secrecy: their indicators get a `_statut` column whether or not
 * this vintage has a secret cell, so the columns stay the same from one vintage to the next.
 */
export const SECRECY_SOURCES: readonly string[] = ['insee-comparateur'];

/**
 * Every column of the file: the fixed ones, then each indicator of `definitions` that they leave
 * out (named by its id; three columns when the file holds it as an estimate), and after each
 * indicator open to secrecy (a {@link SECRECY_SOURCES} source, or a secret value in the file) its
 * `_statut` column. Depends only on the definitions and which values are estimates or secret, so a
 * new indicator on the map is never missing from the download.
 */
export function indicatorsCsvColumns(
  definitions: readonly IndicatorDefinition[],
  communes: readonly Pick<CommuneIndicators, 'values'>[]
): IndicatorsCsvColumn[] {
  const covered = new Set(INDICATORS_CSV_COLUMNS.map((c) => c.indicator));
  const isEstimate = (id: IndicatorId) => communes.some((c) => c.values[id]?.estimate === true);
  const hasSecret = (id: IndicatorId) => communes.some((c) => c.values[id]?.status === 'secret');
  const defs = new Map(definitions.map((d) => [d.id, d]));
  const extra = definitions
    .filter((d) => !covered.has(d.id))
    .flatMap((d) => {
      const description = d.unit ? `${d.label} (${d.unit})` : d.label;
      return isEstimate(d.id)
        ? estimate(d.id, d.id, description)
        : [value(d.id, d.id, description)];
    });
  // A fixed single column whose indicator this file holds as an estimate gets its bounds too:
  // an estimate is never shown without its range.
  const bounded = new Set(
    INDICATORS_CSV_COLUMNS.filter((c) => c.source.kind === 'low').map((c) => c.indicator)
  );
  const fixed = INDICATORS_CSV_COLUMNS.flatMap((c) =>
    c.source.kind === 'value' && c.indicator && !bounded.has(c.indicator) && isEstimate(c.indicator)
      ? estimate(c.name, c.indicator, c.description)
      : [c]
  );
  const out: IndicatorsCsvColumn[] = [];
  const all = [...fixed, ...extra];
  all.forEach((col, i) => {
    out.push(col);
    const id = col.indicator;
    // The status column closes the indicator's group (after `_max` for an estimate).
    if (!id || all[i + 1]?.indicator === id || col.source.kind === 'status') return;
    const secrecy = defs.get(id)?.sources.some((s) => SECRECY_SOURCES.includes(s)) ?? false;
    if (!secrecy && !hasSecret(id)) return;
    const base = all.find((c) => c.indicator === id)?.name ?? id;
    out.push({
      name: `${base}_statut`,
      description: `Pourquoi « ${base} » est vide : ${Object.values(VALUE_STATUS_LABELS).join(', ')}`,
      indicator: id,
      source: { kind: 'status', indicator: id }
    });
  });
  return out;
}

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
    case 'status': {
      const v = c.values[s.indicator];
      if (!v)
        throw new Error(
          `indicators.json, commune ${c.code}, indicateur ${s.indicator} : valeur absente`
        );
      return VALUE_STATUS_LABELS[v.status];
    }
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
  const columns = indicatorsCsvColumns(file.definitions, file.communes);
  const rows = communes.map((c) => columns.map((col) => cell(c, col, defs)));
  const text = Papa.unparse(
    { fields: columns.map((c) => c.name), data: rows },
    { delimiter: CSV_DELIMITER, newline: CSV_NEWLINE, quotes: false }
  );
  return `${CSV_BOM}${text}${CSV_NEWLINE}`;
}
