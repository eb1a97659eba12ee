/**
 * French text of a figure's context on a sheet (pure): « 5e sur 22 communes SRU ; ensemble des
 * communes SRU : 21,4 % (estimation, entre 21,2 % et 21,6 %) ». The numbers come from
 * `indicators/context.ts`; this module only words them.
 */
import {
  figureContext,
  frenchOrdinal,
  type Aggregate,
  type FigureContext,
  type Peer
} from '../../indicators/context';
import type { IndicatorDefinition, IndicatorId } from '../../schemas/indicators';
import { formatWithUnit, type FigureFormat } from './figure-text';

/** How a group of peers is named: « communes SRU », « ensemble des communes SRU ». */
export interface PeerGroup {
  /** Plural noun of the ranked peers: « communes », « communes SRU », « QPV ». */
  plural: string;
  /** Singular noun, for « 1 commune ». */
  singular: string;
  /** Grammatical gender of the noun, for the ordinal (« 1re commune », « 1er quartier »). */
  gender: 'f' | 'm';
  /** Name of the whole group's value: « Métropole », « ensemble des communes SRU ». */
  whole: string;
}

/** The Métropole's communes when the indicator applies to all of them. */
export const ALL_COMMUNES: PeerGroup = {
  plural: 'communes',
  singular: 'commune',
  gender: 'f',
  whole: 'Métropole'
};

const SRU_COMMUNES: PeerGroup = {
  plural: 'communes SRU',
  singular: 'commune SRU',
  gender: 'f',
  whole: 'ensemble des communes SRU'
};

/** Groups of communes for indicators that apply to some communes only. */
const COMMUNE_GROUPS: Partial<Record<IndicatorId, PeerGroup>> = {
  sru_taux_lls: SRU_COMMUNES,
  sru_taux_cible: SRU_COMMUNES,
  sru_lls: SRU_COMMUNES,
  sru_rp_estimees: SRU_COMMUNES,
  sru_lls_manquants: SRU_COMMUNES,
  sru_prelevement: SRU_COMMUNES,
  sru_objectif_triennal: {
    plural: 'communes en rattrapage SRU',
    singular: 'commune en rattrapage SRU',
    gender: 'f',
    whole: 'ensemble des communes en rattrapage SRU'
  }
};

const OTHER_COMMUNES: PeerGroup = {
  plural: 'communes concernées',
  singular: 'commune concernée',
  gender: 'f',
  whole: 'ensemble des communes concernées'
};

export const ALL_QPV: PeerGroup = {
  plural: 'QPV',
  singular: 'QPV',
  gender: 'm',
  whole: 'ensemble des QPV de la Métropole'
};

/** The group a commune is ranked in for `id`: all communes when it applies to all of them. */
export function communeGroup(id: IndicatorId, ctx: FigureContext): PeerGroup {
  if (ctx.applicable === ctx.total) return ALL_COMMUNES;
  return COMMUNE_GROUPS[id] ?? OTHER_COMMUNES;
}

const count = (n: number, g: PeerGroup) => `${n} ${n > 1 ? g.plural : g.singular}`;

function aggregateText(a: Aggregate, g: PeerGroup, f: FigureFormat): string {
  const label = a.kind === 'median' ? `médiane des ${count(a.count, g)}` : g.whole;
  const value = formatWithUnit(a.value, f);
  let est = '';
  if (a.estimate) {
    const low = a.low !== null ? formatWithUnit(a.low, f) : null;
    const high = a.high !== null ? formatWithUnit(a.high, f) : null;
    est = low && high && low !== high ? ` (estimation, entre ${low} et ${high})` : ' (estimation)';
  }
  return `${label}\u00a0: ${value}${est}`;
}

/** Every peer shows the same value: a rank would say nothing. */
function sameForAll(n: number, g: PeerGroup, aggregate: Aggregate | null, f: FigureFormat): string {
  const head = `même valeur pour les ${count(n, g)}`;
  return aggregate && aggregate.kind !== 'median'
    ? `${head} ; ${aggregateText(aggregate, g, f)}`
    : head;
}

/**
 * « 5e sur 22 communes SRU ; ensemble des communes SRU : 21,4 % (estimation) ». Ties read
 * « 11e ex æquo avec 3 autres », or « même valeur que 43 autres » when most peers share the
 * value; peers without a number are said to be left out; a territory
 * without a number reads « non classée ». Null when there is nothing to compare with (no peer
 * with a number, or the territory alone in its group).
 */
export function contextText(ctx: FigureContext, g: PeerGroup, f: FigureFormat): string | null {
  const { rank, aggregate } = ctx;
  if (rank.ranked === 0 || (rank.ranked === 1 && rank.rank !== null && rank.excluded === 0))
    return null;
  const parts: string[] = [];
  const agree = (n: number) => (g.gender === 'f' ? 'e' : '') + (n > 1 ? 's' : '');
  if (rank.rank === null) {
    parts.push(`non classé${agree(1)}, faute de donnée publiée`);
  } else {
    if (rank.tied && rank.tiedWith === rank.ranked - 1)
      return sameForAll(rank.ranked, g, aggregate, f);
    // When most peers share the value (0 QPV in 44 communes of 49), a rank says little: « 6e ex
    // æquo avec 43 autres » reads as a ranking; the share of peers alike is what informs.
    const most = rank.tied && (rank.tiedWith + 1) * 2 > rank.ranked;
    const tie = most
      ? ''
      : rank.tied
        ? ` ex æquo${rank.tiedWith > 1 ? ` avec ${rank.tiedWith} autres` : ''}`
        : '';
    let text = most
      ? `même valeur que ${rank.tiedWith} autres sur ${count(rank.ranked, g)}`
      : `${frenchOrdinal(rank.rank, g.gender)}${tie} sur ${count(rank.ranked, g)}`;
    if (rank.excluded > 0) {
      text += ` (${rank.excluded} autre${rank.excluded > 1 ? 's' : ''} sans donnée publiée, non classé${agree(rank.excluded)})`;
    }
    parts.push(text);
  }
  if (aggregate) parts.push(aggregateText(aggregate, g, f));
  return parts.join(' ; ');
}

/**
 * Context text of every indicator of `ids` for territory `code` among `peers`, keyed by id (ids
 * without context are absent). Computed at build time so that a sheet carries a few strings, not
 * the figures of every territory.
 */
/** Figures with no context: the SRU target rate is set by law (20 % or 25 %), not a performance. */
export const NO_CONTEXT: ReadonlySet<IndicatorId> = new Set(['sru_taux_cible']);

export function contextTexts(
  code: string,
  ids: readonly IndicatorId[],
  peers: readonly Peer[],
  definitions: Partial<Record<IndicatorId, Pick<IndicatorDefinition, 'unit' | 'decimals'>>>,
  group: (id: IndicatorId, ctx: FigureContext) => PeerGroup
): Partial<Record<IndicatorId, string>> {
  const out: Partial<Record<IndicatorId, string>> = {};
  for (const id of ids) {
    if (NO_CONTEXT.has(id)) continue;
    const def = definitions[id];
    if (!def) continue;
    const ctx = figureContext(code, id, peers, def.unit === 'm' ? -1 : def.decimals);
    const text = contextText(ctx, group(id, ctx), def);
    if (text) out[id] = text;
  }
  return out;
}
