/**
 * Framing lines (`intro` rows) of the workshop base and the items they head (pure).
 *
 * A framing line heads the whole column it belongs to (T2-PB-Q1, T3-PB-Q1, T3-PB-Q2), except
 * where `FRAMING_SCOPES` says it heads a run of items only: T1-ID-Q1 « Pour cela, il faudrait : »
 * heads T1-ID-11 to T1-ID-15 (the layout of the seed, not something the CSV can say).
 */
import type { WorkshopItem } from '$lib/schemas/workshop';

/** Framing line id → ids of the first and last item it heads (their sub-bullets included). */
export const FRAMING_SCOPES: Readonly<Record<string, readonly [string, string]>> = {
  'T1-ID-Q1': ['T1-ID-11', 'T1-ID-15']
};

const bulletId = (item: WorkshopItem) => item.parentId ?? item.id;
const columnKey = (i: WorkshopItem) => `${i.theme}-${i.column}`;

/** Where a framing line applies: its whole column, or a run of bullets (with their sub-bullets). */
export function framingScope(
  intro: WorkshopItem,
  items: readonly WorkshopItem[]
): { kind: 'column' } | { kind: 'run'; ids: Set<string> } {
  const range = FRAMING_SCOPES[intro.id];
  if (!range) return { kind: 'column' };
  const byId = new Map(items.map((i) => [i.id, i]));
  const first = byId.get(range[0]);
  const last = byId.get(range[1]);
  if (!first || !last) return { kind: 'column' };
  const ids = new Set(
    items
      .filter(
        (i) =>
          i.kind !== 'intro' &&
          columnKey(i) === columnKey(intro) &&
          (byId.get(bulletId(i))?.order ?? i.order) >= first.order &&
          (byId.get(bulletId(i))?.order ?? i.order) <= last.order
      )
      .map((i) => i.id)
  );
  return { kind: 'run', ids };
}

/** The framing lines heading `item` (column-wide ones first, then a run's heading), in order. */
export function framingLinesOf(item: WorkshopItem, items: readonly WorkshopItem[]): WorkshopItem[] {
  if (item.kind === 'intro') return [];
  return items
    .filter((i) => i.kind === 'intro' && columnKey(i) === columnKey(item))
    .filter((intro) => {
      const scope = framingScope(intro, items);
      return scope.kind === 'column' || scope.ids.has(item.id);
    })
    .sort((a, b) => a.order - b.order);
}

/** A run of consecutive entries under the same run heading (null: no run heading). */
export interface FramedBlock<T> {
  heading: WorkshopItem | null;
  entries: T[];
}

/**
 * Splits one column's entries (any order) into blocks: entries headed by a run framing line
 * (T1-ID-Q1) are gathered under it, at the place of the first of them; the others keep their
 * order. Column-wide framing lines are returned apart (`columnIntros`), to show above the column.
 */
export function framedBlocks<T>(
  entries: readonly T[],
  itemOf: (e: T) => WorkshopItem,
  intros: readonly WorkshopItem[],
  items: readonly WorkshopItem[]
): { columnIntros: WorkshopItem[]; blocks: FramedBlock<T>[] } {
  const columnIntros: WorkshopItem[] = [];
  const runs: { heading: WorkshopItem; ids: Set<string> }[] = [];
  for (const intro of [...intros].sort((a, b) => a.order - b.order)) {
    const scope = framingScope(intro, items);
    if (scope.kind === 'column') columnIntros.push(intro);
    else runs.push({ heading: intro, ids: scope.ids });
  }
  const blocks: FramedBlock<T>[] = [];
  const runBlock = new Map<WorkshopItem, FramedBlock<T>>();
  for (const e of entries) {
    const run = runs.find((r) => r.ids.has(itemOf(e).id));
    if (run) {
      let block = runBlock.get(run.heading);
      if (!block) {
        block = { heading: run.heading, entries: [] };
        runBlock.set(run.heading, block);
        blocks.push(block);
      }
      block.entries.push(e);
      continue;
    }
    const last = blocks[blocks.length - 1];
    if (last && last.heading === null) last.entries.push(e);
    else blocks.push({ heading: null, entries: [e] });
  }
  return { columnIntros, blocks };
}
