/**
 * Whether a workshop item applies to a territory, how strongly, and why (pure).
 *
 * Semantics of an item's tags (documented for planners in `data/README.md`):
 * - `tous`: the item concerns every territory; it matches everywhere with score 0 and ranks last.
 * - condition `any` (default): the item applies where at least one of its tags holds; its score is
 *   the strongest `strength` among the tags that hold.
 * - condition `all`: the item applies only where every tag holds; its score is the weakest strength.
 * Framing lines (`intro`) are not propositions: they never match.
 *
 * Ranking score: a tag's strength times its weight (`TAG_RANK_WEIGHTS`, 1 unless listed). Broad
 * membership tags hold at full strength for whole groups of communes (every commune subject to SRU,
 * every commune without a QPV) and say nothing about intensity, so they count as weak matches:
 * a large SRU deficit outranks « est soumise à la loi SRU ».
 */
import type { SourceRef } from '$lib/schemas/common';
import type { TagEvidence, TerritoryKind, TerritoryProfile, TerritoryTag } from '$lib/schemas/tags';
import type { WorkshopItem } from '$lib/schemas/workshop';

export interface ItemMatch {
  /**
   * 0 (weak) to 1 (strong): how strongly the condition holds here (tag strength × rank weight);
   * 0 for `tous` items.
   */
  score: number;
  /** True for a `tous` item (shown everywhere, after the targeted items). */
  universal: boolean;
  /** Evidence of the tags that hold, strongest first (empty for `tous`). */
  evidence: TagEvidence[];
  /** French sentence: « Affiché car la commune est déficitaire SRU (14,3 % de LLS …) ». */
  explanation: string;
  /** Source id and vintage of each figure the explanation cites, without repeats. */
  sources: SourceRef[];
}

/** Weight of a tag's strength in the ranking score (1 when absent). */
export const TAG_RANK_WEIGHTS: Partial<Record<TerritoryTag, number>> = {
  sru_soumise: 0.25,
  non_soumise_sru: 0.25,
  sans_qpv: 0.25
};

/** Ranking score of one piece of evidence, 0..1. */
export function rankScore(e: TagEvidence): number {
  return e.strength * (TAG_RANK_WEIGHTS[e.tag] ?? 1);
}

const SUBJECT: Record<TerritoryKind, string> = {
  commune: 'la commune',
  qpv: 'le quartier'
};

export const UNIVERSAL_EXPLANATION =
  'Affiché pour tous les territoires : la proposition ne vise pas un type de territoire en particulier.';

/** « a », « a et b », « a, b et c ». */
export function joinFrench(parts: string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} et ${parts[parts.length - 1]}`;
}

/**
 * Order of the clauses in a « why » sentence, whatever the strengths: SRU, social housing, QPV and
 * poverty, income, housing, transit. A stable order lets a reader compare two sentences.
 */
export const CLAUSE_ORDER: readonly TerritoryTag[] = [
  'sru_carencee',
  'sru_deficitaire',
  'sru_exemptee',
  'sru_conforme',
  'sru_soumise',
  'sru_nouvellement_soumise',
  'non_soumise_sru',
  'parc_social',
  'qpv',
  'sans_qpv',
  'poches_pauvrete_hors_qpv',
  'pauvrete_elevee',
  'revenus_eleves',
  'habitat_collectif',
  'coproprietes_probables',
  'familles_monoparentales',
  'grands_menages',
  'vacance_elevee',
  'desserte_tc_forte',
  'desserte_tc_moyenne',
  'desserte_tc_faible',
  'sans_tc'
];

/**
 * Tags whose clause another held tag already says: carencée implies déficitaire and subject
 * (one clause, not two); any SRU status implies « soumise ».
 */
const SAID_BY: Partial<Record<TerritoryTag, readonly TerritoryTag[]>> = {
  sru_deficitaire: ['sru_carencee'],
  sru_soumise: ['sru_carencee', 'sru_deficitaire', 'sru_exemptee', 'sru_conforme']
};

export const LLS_LONG = 'logements locatifs sociaux (LLS)';

/** Spells out the first « LLS » of a sentence, once. */
export function spellOutLls(sentence: string): string {
  if (sentence.includes(LLS_LONG)) return sentence;
  return sentence.replace(/\bLLS\b/, LLS_LONG);
}

/**
 * « Affiché car la commune <clause>, <clause> et <clause>. »: clauses in `CLAUSE_ORDER`, one per
 * fact (see `SAID_BY`), « LLS » spelled out once, a single final full stop.
 */
export function explain(kind: TerritoryKind, evidence: readonly TagEvidence[]): string {
  return spellOutLls(`Affiché car ${SUBJECT[kind]} ${joinFrench(visibleClauses(evidence))}.`);
}

/**
 * The clauses of a « why » sentence: one per fact (see `SAID_BY`), in `CLAUSE_ORDER`, without a
 * final full stop, each once.
 */
export function visibleClauses(evidence: readonly TagEvidence[]): string[] {
  const held = new Set(evidence.map((e) => e.tag));
  const rank = (t: TerritoryTag) => {
    const i = CLAUSE_ORDER.indexOf(t);
    return i < 0 ? CLAUSE_ORDER.length : i;
  };
  const clauses = [...evidence]
    .filter((e) => !(SAID_BY[e.tag] ?? []).some((t) => held.has(t)))
    .sort((a, b) => rank(a.tag) - rank(b.tag))
    .map((e) => e.reason.trim().replace(/[.\s]+$/, ''));
  return clauses.filter((c, i) => clauses.indexOf(c) === i);
}

/** Strongest evidence per tag (a profile should hold one per tag; this tolerates repeats). */
export function evidenceByTag(profile: TerritoryProfile): Map<TerritoryTag, TagEvidence> {
  const map = new Map<TerritoryTag, TagEvidence>();
  for (const e of profile.evidence) {
    const known = map.get(e.tag);
    if (!known || e.strength > known.strength) map.set(e.tag, e);
  }
  return map;
}

function uniqueSources(evidence: TagEvidence[]): SourceRef[] {
  const seen = new Set<string>();
  const out: SourceRef[] = [];
  for (const e of evidence) {
    const key = `${e.source}|${e.vintage}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ source: e.source, vintage: e.vintage });
    }
  }
  return out;
}

/**
 * Matches one item against one territory. Returns null when the item does not apply.
 * `byTag` may be passed to avoid rebuilding the tag index for every item of the same profile.
 */
export function matchItem(
  item: WorkshopItem,
  profile: TerritoryProfile,
  byTag: Map<TerritoryTag, TagEvidence> = evidenceByTag(profile)
): ItemMatch | null {
  if (item.kind === 'intro' || item.tags.length === 0) return null;
  if (item.tags.includes('tous')) {
    return {
      score: 0,
      universal: true,
      evidence: [],
      explanation: UNIVERSAL_EXPLANATION,
      sources: []
    };
  }
  const held: TagEvidence[] = [];
  for (const tag of item.tags) {
    if (tag === 'tous') continue;
    const e = byTag.get(tag);
    if (e) held.push(e);
  }
  if (held.length === 0) return null;
  if (item.condition === 'all' && held.length < item.tags.length) return null;
  held.sort((a, b) => rankScore(b) - rankScore(a));
  const strengths = held.map(rankScore);
  const score = item.condition === 'all' ? Math.min(...strengths) : Math.max(...strengths);
  return {
    score,
    universal: false,
    evidence: held,
    explanation: explain(profile.kind, held),
    sources: uniqueSources(held)
  };
}

/**
 * Ranking order of two matches: targeted before `tous`, then higher score, then more tags holding.
 * Returns 0 on a tie so that callers can fall back to the workshop order.
 */
export function compareMatches(a: ItemMatch, b: ItemMatch): number {
  if (a.universal !== b.universal) return a.universal ? 1 : -1;
  return b.score - a.score || b.evidence.length - a.evidence.length;
}
