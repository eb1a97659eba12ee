/**
 * Territory tags derived from the indicators, with thresholds from `data/parameters/tags.json`.
 * Each tag carries its evidence: a strength 0..1 and a French clause completing
 * « Affiché car la commune … » (or « … le quartier … » for a QPV), citing the figure, its source
 * and vintage, and the threshold when the tag rests on one. Clauses never end with a full stop:
 * `explain` (linking) joins them into one sentence.
 *
 * Tags and their rules (field of the source in brackets):
 * - `sru_soumise`, `sru_exemptee`, `non_soumise_sru`, `sru_carencee`, `sru_nouvellement_soumise`:
 *   inventory flags (SRU inventory: `Commune_sru_au_…`, `Commune_exemptée_…`, `Commune_carencée`;
 *   newly subject = subject this year, not the year before), strength 1.
 * - `sru_deficitaire`: strength = gap to target (points) / sruDeficitFullStrengthPoints, capped at 1.
 * - `sru_conforme`: subject, not exempted, rate ≥ target; strength = margin / sruConformeFullStrengthPoints.
 * - `parc_social`: LLS count of the inventory (`Nombre_lls_…`) ≥ socialHousingMinLls.
 * - `qpv` / `sans_qpv`: holds a QPV or not; `qpv` strength = area share / qpvFullStrengthAreaSharePct
 *   (a QPV territory itself gets strength 1).
 * - `desserte_tc_forte` / `desserte_tc_moyenne` / `desserte_tc_faible`: coverage classes of the
 *   share of population (else of area) within walking distance of an M réso stop: ≥ strong
 *   threshold, between, < weak threshold; strength = distance to the threshold, normalised.
 * - `sans_tc`: no M réso stop inside the territory and weak coverage; strength 1 − coverage share.
 * - `pauvrete_elevee` (INSEE `TP60`), `vacance_elevee` (INSEE `LOGVAC` / `LOG`, all dwellings),
 *   `revenus_eleves` (INSEE `MED`): value ≥ threshold; strength grows to 1 at the full level.
 *   Statistical secrecy means no data: no tag.
 * - Grid (Filosofi 1 km): `habitat_collectif` (`men_coll`), `coproprietes_probables`
 *   (owner-occupiers in a flat, a proxy: see grid-profile.ts), `familles_monoparentales`
 *   (`men_fmp`), `grands_menages` (`men_5ind`), shares of households ≥ threshold;
 *   `poches_pauvrete_hors_qpv`: poor households (`men_pauv`) of cells above the poverty threshold
 *   that no 2024 QPV covers ≥ pocketMinPoorHouseholds.
 */
import { formatNumber, formatPercent } from '$lib/format/number';
import type { CoverageParams, SruStatus } from '$lib/schemas/indicators';
import type { TagThresholds } from '$lib/schemas/parameters';
import type { TagEvidence } from '$lib/schemas/tags';

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** A figure with the source and vintage it comes from. */
export interface Sourced<T> {
  value: T;
  source: string;
  vintage: string;
}

export interface GridSignals {
  /** Households apportioned to the territory (grid). */
  households: number;
  collectivePct: number;
  /** Owner-occupied households in a flat (central estimate) and their share of households, %. */
  ownerCollective: number;
  ownerCollectivePct: number;
  singleParentPct: number;
  largePct: number;
  /** Poverty pockets outside the QPV (communes only). */
  pockets?: { cells: number; poorHouseholds: number };
}

export interface TagInputs {
  kind: 'commune' | 'qpv';
  sru?: Sourced<{
    status: SruStatus;
    ratePct: number | null;
    targetPct: number | null;
    period: string;
    /** LLS count of the inventory and its date (ISO). */
    lls?: number | null;
    inventoryDate?: string;
    newlySubject?: boolean | null;
  }>;
  qpv?: Sourced<{ count: number; areaSharePct: number | null; generation?: string }>;
  transit?: Sourced<{
    populationSharePct: number | null;
    areaSharePct: number;
    stopsInside: number;
    params: CoverageParams;
  }>;
  povertyPct?: Sourced<number | null>;
  vacancyPct?: Sourced<number | null>;
  medianIncomeEur?: Sourced<number | null>;
  grid?: Sourced<GridSignals>;
}

const pct = (v: number) => formatPercent(v, 1);
/** Targets and thresholds are usually whole percents: « 20 % », not « 20,0 % ». */
const pctWhole = (v: number) => formatPercent(v, Number.isInteger(v) ? 0 : 1);
const eur = (v: number) => `${formatNumber(Math.round(v))} €`;

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre'
];
/** « 2024-01-01 » → « 1er janvier 2024 ». */
export function frenchDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const day = Number(m[3]);
  return `${day === 1 ? '1er' : day} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** « de 2019 » from a vintage like « Filosofi 2019 » or « RP 2022 » (the vintage as is otherwise). */
const yearOf = (vintage: string) => /\b(19|20)\d{2}\b/.exec(vintage)?.[0] ?? vintage;

function radiiClause(p: CoverageParams): string {
  return `à moins de ${formatNumber(p.radiusTramM)} m d'un tram, ${formatNumber(p.radiusChronoM)} m d'un Chrono ou ${formatNumber(p.radiusBusM)} m d'un bus`;
}

export function deriveTags(input: TagInputs, t: TagThresholds): TagEvidence[] {
  const out: TagEvidence[] = [];
  const push = (
    tag: TagEvidence['tag'],
    strength: number,
    reason: string,
    from: { source: string; vintage: string }
  ) =>
    out.push({
      tag,
      strength: clamp01(strength),
      reason,
      source: from.source,
      vintage: from.vintage
    });
  const ramp = (v: number, min: number, full: number) =>
    full > min ? (v - min) / (full - min) : 1;

  if (input.sru) {
    const { status, ratePct, targetPct, period, lls, inventoryDate, newlySubject } =
      input.sru.value;
    const at = inventoryDate ? `inventaire SRU au ${frenchDate(inventoryDate)}` : 'inventaire SRU';
    const figures =
      ratePct !== null && targetPct !== null
        ? ` avec ${pct(ratePct)} de LLS pour un objectif de ${pctWhole(targetPct)} (${at})`
        : ` (${at})`;
    if (status === 'non_soumise') {
      push('non_soumise_sru', 1, `n'est pas soumise à la loi SRU (${at})`, input.sru);
    } else {
      push('sru_soumise', 1, `est soumise à la loi SRU${figures}`, input.sru);
      if (status === 'exemptee') {
        push(
          'sru_exemptee',
          1,
          `est exemptée des obligations SRU pour ${period} (${at})`,
          input.sru
        );
      }
      if (newlySubject) {
        push(
          'sru_nouvellement_soumise',
          1,
          `est nouvellement soumise à la loi SRU (${at})`,
          input.sru
        );
      }
      if (status === 'carencee') {
        push('sru_carencee', 1, `est carencée SRU${figures}`, input.sru);
      }
      if (
        (status === 'deficitaire' || status === 'carencee') &&
        ratePct !== null &&
        targetPct !== null
      ) {
        push(
          'sru_deficitaire',
          (targetPct - ratePct) / t.sruDeficitFullStrengthPoints,
          `est déficitaire SRU${figures}`,
          input.sru
        );
      }
      if (status === 'conforme' && ratePct !== null && targetPct !== null && ratePct >= targetPct) {
        push(
          'sru_conforme',
          (ratePct - targetPct) / t.sruConformeFullStrengthPoints,
          `atteint son objectif SRU${figures}`,
          input.sru
        );
      }
    }
    if (lls !== undefined && lls !== null && lls >= t.socialHousingMinLls) {
      push(
        'parc_social',
        ramp(lls, 0, t.socialHousingFullStrengthLls),
        `compte ${formatNumber(lls)} LLS (${at} ; seuil retenu : ${formatNumber(t.socialHousingMinLls)})`,
        input.sru
      );
    }
  }

  if (input.qpv) {
    const { count, areaSharePct, generation } = input.qpv.value;
    const perimeter = generation ? ` (périmètres ${generation})` : '';
    if (input.kind === 'qpv') {
      push(
        'qpv',
        1,
        `est un quartier prioritaire de la politique de la ville${perimeter}`,
        input.qpv
      );
    } else if (count > 0) {
      const share = areaSharePct !== null ? ` sur ${pct(areaSharePct)} de sa surface` : '';
      push(
        'qpv',
        areaSharePct !== null ? Math.max(0.05, areaSharePct / t.qpvFullStrengthAreaSharePct) : 1,
        `compte ${formatNumber(count)} quartier${count > 1 ? 's' : ''} prioritaire${count > 1 ? 's' : ''}${share}${perimeter}`,
        input.qpv
      );
    } else {
      push('sans_qpv', 1, `ne compte aucun quartier prioritaire${perimeter}`, input.qpv);
    }
  }

  if (input.transit) {
    const { populationSharePct, areaSharePct, stopsInside, params } = input.transit.value;
    const share = populationSharePct ?? areaSharePct;
    const of = populationSharePct !== null ? 'de sa population' : 'de sa surface';
    const strong = t.transitStrongMinPopulationSharePct;
    const weak = t.transitWeakMaxPopulationSharePct;
    const network = `réseau M réso, ${input.transit.vintage}`;
    // « n'a que 0,0 % » reads badly: a share that rounds to zero is said in words.
    const figure =
      Math.round(share * 10) === 0
        ? `n'a ${populationSharePct !== null ? 'aucun habitant' : 'aucune partie de son territoire'} ${radiiClause(params)}`
        : `a ${pct(share)} ${of} ${radiiClause(params)}`;
    if (share >= strong) {
      push(
        'desserte_tc_forte',
        strong < 100 ? (share - strong) / (100 - strong) : 1,
        `${figure} (${network} ; desserte forte à partir de ${pctWhole(strong)})`,
        input.transit
      );
    } else if (share < weak) {
      push(
        'desserte_tc_faible',
        (weak - share) / weak,
        `${figure} (${network} ; desserte faible sous ${pctWhole(weak)})`,
        input.transit
      );
    } else {
      push(
        'desserte_tc_moyenne',
        strong > weak ? 1 - Math.abs(share - (strong + weak) / 2) / ((strong - weak) / 2) : 1,
        `${figure} (${network} ; desserte moyenne entre ${pctWhole(weak)} et ${pctWhole(strong)})`,
        input.transit
      );
    }
    if (stopsInside === 0 && share < weak) {
      push(
        'sans_tc',
        1 - share / 100,
        `n'a aucun arrêt du réseau M réso sur son territoire`,
        input.transit
      );
    }
  }

  const rateTag = (
    tag: 'pauvrete_elevee' | 'vacance_elevee',
    figure: Sourced<number | null> | undefined,
    min: number,
    full: number,
    text: (v: string, threshold: string, vintage: string) => string
  ) => {
    if (!figure || figure.value === null || figure.value < min) return;
    push(
      tag,
      ramp(figure.value, min, full),
      text(pct(figure.value), pctWhole(min), figure.vintage),
      figure
    );
  };
  rateTag(
    'pauvrete_elevee',
    input.povertyPct,
    t.povertyHighMinPct,
    t.povertyFullStrengthPct,
    (v, s, y) => `a un taux de pauvreté de ${v} (INSEE, ${y} ; seuil retenu : ${s})`
  );
  rateTag(
    'vacance_elevee',
    input.vacancyPct,
    t.vacancyHighMinPct,
    t.vacancyFullStrengthPct,
    (v, s, y) => `a ${v} de logements vacants, tous parcs (INSEE, ${y} ; seuil retenu : ${s})`
  );
  const income = input.medianIncomeEur;
  if (income && income.value !== null && income.value >= t.incomeHighMinEur) {
    push(
      'revenus_eleves',
      ramp(income.value, t.incomeHighMinEur, t.incomeFullStrengthEur),
      `a un revenu médian de ${eur(income.value)} par unité de consommation (INSEE, ${income.vintage} ; seuil retenu : ${eur(t.incomeHighMinEur)})`,
      income
    );
  }

  if (input.grid && input.grid.value.households > 0) {
    const g = input.grid.value;
    const src = `INSEE, carreaux Filosofi ${yearOf(input.grid.vintage)}`;
    const share = (
      tag: 'habitat_collectif' | 'familles_monoparentales' | 'grands_menages',
      v: number,
      min: number,
      full: number,
      what: string
    ) => {
      if (v < min) return;
      push(
        tag,
        ramp(v, min, full),
        `a ${pct(v)} de ${what} (${src} ; seuil retenu : ${pctWhole(min)})`,
        input.grid as Sourced<GridSignals>
      );
    };
    share(
      'habitat_collectif',
      g.collectivePct,
      t.collectiveHighMinPct,
      t.collectiveFullStrengthPct,
      'ménages en logement collectif'
    );
    if (
      g.ownerCollectivePct >= t.ownerCollectiveHighMinPct &&
      g.ownerCollective >= t.ownerCollectiveMinHouseholds
    ) {
      push(
        'coproprietes_probables',
        ramp(g.ownerCollectivePct, t.ownerCollectiveHighMinPct, t.ownerCollectiveFullStrengthPct),
        `compte environ ${formatNumber(Math.round(g.ownerCollective / 10) * 10)} ménages propriétaires de leur appartement (${pct(g.ownerCollectivePct)} des ménages), indice approché de copropriétés (${src} ; seuils retenus : ${pctWhole(t.ownerCollectiveHighMinPct)} et ${formatNumber(t.ownerCollectiveMinHouseholds)} ménages)`,
        input.grid
      );
    }
    share(
      'familles_monoparentales',
      g.singleParentPct,
      t.singleParentHighMinPct,
      t.singleParentFullStrengthPct,
      'familles monoparentales parmi les ménages'
    );
    share(
      'grands_menages',
      g.largePct,
      t.largeHouseholdsHighMinPct,
      t.largeHouseholdsFullStrengthPct,
      'ménages de 5 personnes ou plus'
    );
    const p = g.pockets;
    if (p && p.cells > 0 && p.poorHouseholds >= t.pocketMinPoorHouseholds) {
      push(
        'poches_pauvrete_hors_qpv',
        ramp(p.poorHouseholds, 0, t.pocketFullStrengthPoorHouseholds),
        `compte environ ${formatNumber(Math.round(p.poorHouseholds / 10) * 10)} ménages pauvres dans ${p.cells > 1 ? `${formatNumber(p.cells)} carreaux` : 'un carreau'} de 1 km hors quartier prioritaire où ils sont au moins ${pctWhole(t.pocketMinPoorSharePct)} des ménages (${src} ; périmètres QPV 2024)`,
        input.grid
      );
    }
  }
  return out;
}
