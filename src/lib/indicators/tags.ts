/**
 * Territory tags derived from the indicators, with thresholds from `data/parameters/tags.json`.
 * Each tag carries its evidence: a strength 0..1 and a French clause completing
 * « Affiché car la commune … » (or « … le quartier … » for a QPV), citing the figure.
 *
 * Tags and their rules:
 * - `sru_soumise`, `sru_exemptee`, `non_soumise_sru`, `sru_carencee`: inventory flags, strength 1.
 * - `sru_deficitaire`: strength = gap to target (points) / sruDeficitFullStrengthPoints, capped at 1.
 * - `sru_conforme`: subject, not exempted, rate ≥ target; strength = margin / sruConformeFullStrengthPoints.
 * - `qpv` / `sans_qpv`: holds a QPV or not; `qpv` strength = area share / qpvFullStrengthAreaSharePct
 *   (a QPV territory itself gets strength 1).
 * - `desserte_tc_forte` / `desserte_tc_faible`: share of population (else of area) within walking
 *   distance of a stop, above / below thresholds; strength = distance to the threshold, normalised.
 * - `sans_tc`: no stop inside the territory and weak coverage; strength 1 − coverage share.
 * - `pauvrete_elevee`, `vacance_elevee`: rate ≥ threshold; strength grows to 1 at the full-strength level.
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

export interface TagInputs {
  kind: 'commune' | 'qpv';
  sru?: Sourced<{
    status: SruStatus;
    ratePct: number | null;
    targetPct: number | null;
    period: string;
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
}

const pct = (v: number) => formatPercent(v, 1);
/** Targets and thresholds are usually whole percents: « 20 % », not « 20,0 % ». */
const pctWhole = (v: number) => formatPercent(v, Number.isInteger(v) ? 0 : 1);

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

  if (input.sru) {
    const { status, ratePct, targetPct, period } = input.sru.value;
    const figures =
      ratePct !== null && targetPct !== null
        ? ` (${pct(ratePct)} de LLS pour un objectif de ${pctWhole(targetPct)})`
        : '';
    if (status === 'non_soumise') {
      push('non_soumise_sru', 1, "n'est pas soumise à la loi SRU", input.sru);
    } else {
      push('sru_soumise', 1, `est soumise à la loi SRU${figures}`, input.sru);
      if (status === 'exemptee') {
        push('sru_exemptee', 1, `est exemptée des obligations SRU (${period})`, input.sru);
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
  }

  if (input.qpv) {
    const { count, areaSharePct, generation } = input.qpv.value;
    const perimeter = generation ? ` (périmètre ${generation})` : '';
    if (input.kind === 'qpv') {
      push(
        'qpv',
        1,
        `est un quartier prioritaire de la politique de la ville${perimeter}`,
        input.qpv
      );
    } else if (count > 0) {
      const share = areaSharePct !== null ? `, ${pct(areaSharePct)} de sa surface` : '';
      push(
        'qpv',
        areaSharePct !== null ? Math.max(0.05, areaSharePct / t.qpvFullStrengthAreaSharePct) : 1,
        `compte ${formatNumber(count)} quartier${count > 1 ? 's' : ''} prioritaire${count > 1 ? 's' : ''}${perimeter}${share}`,
        input.qpv
      );
    } else {
      push('sans_qpv', 1, 'ne compte aucun quartier prioritaire', input.qpv);
    }
  }

  if (input.transit) {
    const { populationSharePct, areaSharePct, stopsInside, params } = input.transit.value;
    const share = populationSharePct ?? areaSharePct;
    const of = populationSharePct !== null ? 'de sa population' : 'de sa surface';
    const strong = t.transitStrongMinPopulationSharePct;
    const weak = t.transitWeakMaxPopulationSharePct;
    if (share >= strong) {
      push(
        'desserte_tc_forte',
        strong < 100 ? (share - strong) / (100 - strong) : 1,
        `a ${pct(share)} ${of} ${radiiClause(params)}`,
        input.transit
      );
    } else if (share < weak) {
      push(
        'desserte_tc_faible',
        (weak - share) / weak,
        `n'a que ${pct(share)} ${of} ${radiiClause(params)}`,
        input.transit
      );
    }
    if (stopsInside === 0 && share < weak) {
      push(
        'sans_tc',
        1 - share / 100,
        `n'a aucun arrêt de transport en commun sur son territoire`,
        input.transit
      );
    }
  }

  const rateTag = (
    tag: 'pauvrete_elevee' | 'vacance_elevee',
    figure: Sourced<number | null> | undefined,
    min: number,
    full: number,
    text: (v: string, threshold: string) => string
  ) => {
    if (!figure || figure.value === null || figure.value < min) return;
    push(
      tag,
      full > min ? (figure.value - min) / (full - min) : 1,
      text(pct(figure.value), pctWhole(min)),
      figure
    );
  };
  rateTag(
    'pauvrete_elevee',
    input.povertyPct,
    t.povertyHighMinPct,
    t.povertyFullStrengthPct,
    (v, s) => `a un taux de pauvreté de ${v} (seuil retenu : ${s})`
  );
  rateTag(
    'vacance_elevee',
    input.vacancyPct,
    t.vacancyHighMinPct,
    t.vacancyFullStrengthPct,
    (v, s) => `a ${v} de logements vacants (seuil retenu : ${s})`
  );
  return out;
}
