/** Synthetic items and profiles for the linking tests (made-up figures, not real territories). */
import type {
  TagEvidence,
  TerritoryProfile,
  TerritoryTag,
  WorkshopTag
} from '../../../src/lib/schemas/tags';
import type { WorkshopItem } from '../../../src/lib/schemas/workshop';

let order = 0;

export function item(
  id: string,
  tags: WorkshopTag[],
  extra: Partial<WorkshopItem> = {}
): WorkshopItem {
  const m = /^T(\d)-(PB|ID|AC)-/.exec(id);
  const column = m?.[2] === 'ID' ? 'ideal' : m?.[2] === 'AC' ? 'action' : 'probleme';
  order += 1;
  return {
    id,
    theme: Number(m?.[1] ?? 1),
    themeQuestion: `Question fictive ${m?.[1] ?? 1} ?`,
    tables: 'Tables 0 - 0',
    column,
    kind: /-Q\d+$/.test(id) ? 'intro' : /\.\d+$/.test(id) ? 'sub_bullet' : 'bullet',
    order,
    parentId: null,
    text: `Texte fictif ${id}`,
    tags,
    condition: 'any',
    keywords: [],
    ...extra
  };
}

export function evidence(tag: TerritoryTag, strength: number, reason?: string): TagEvidence {
  return {
    tag,
    strength,
    reason: reason ?? `remplit la condition ${tag} (${strength})`,
    source: `source-${tag}`,
    vintage: '2099'
  };
}

export function profile(
  code: string,
  ev: TagEvidence[],
  kind: TerritoryProfile['kind'] = 'commune'
): TerritoryProfile {
  return { code, nom: `Commune ${code}`, kind, evidence: ev };
}
