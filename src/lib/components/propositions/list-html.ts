/**
 * The propositions list as one HTML string (pure). The list is ~200 cards of static text with one
 * button each: written by the prerender and adopted as is by the browser (`{@html}` hydrates by
 * walking its top-level nodes only), it costs no per-card component work when the page starts on
 * a phone — that work used to be over a second of blocked main thread (4× slowed CPU). The button
 * clicks are handled by one listener on the list (see PropositionsList.svelte).
 * Every text is escaped here: the workshop base is data, never markup.
 */
import { escapeMarkup } from '../../format/markup';
import { framedBlocks, type FramedBlock } from '../../linking/framing';
import { TAG_LABELS, WORKSHOP_COLUMN_LABELS } from '../../schemas/vocabulary';
import type { WorkshopItem } from '../../schemas/workshop';

export interface ListGroup {
  key: string;
  theme: number;
  question: string;
  column: WorkshopItem['column'];
  columnIntros: WorkshopItem[];
  blocks: FramedBlock<WorkshopItem>[];
}

/**
 * Consecutive runs of the same theme and column (`items` come in workshop order), each with its
 * framing lines: column-wide ones above it, run headings (T1-ID-Q1) above the items they head.
 */
export function listGroups(
  items: readonly WorkshopItem[],
  intros: readonly WorkshopItem[],
  all: readonly WorkshopItem[]
): ListGroup[] {
  const out: {
    key: string;
    theme: number;
    question: string;
    column: WorkshopItem['column'];
    items: WorkshopItem[];
  }[] = [];
  for (const item of items) {
    const key = `${item.theme}-${item.column}`;
    const last = out[out.length - 1];
    if (last && last.key === key) last.items.push(item);
    else
      out.push({
        key,
        theme: item.theme,
        question: item.themeQuestion,
        column: item.column,
        items: [item]
      });
  }
  return out.map(({ items: entries, ...g }) => ({
    ...g,
    ...framedBlocks(
      entries,
      (i) => i,
      intros.filter((i) => i.theme === g.theme && i.column === g.column),
      all
    )
  }));
}

function card(item: WorkshopItem, selected: boolean, parents: Record<string, string>): string {
  const parent = item.parentId ? parents[item.parentId] : undefined;
  const chips = [
    ...item.tags.map((t) => `<span class="chip tag">${escapeMarkup(TAG_LABELS[t])}</span>`),
    ...item.keywords.map((k) => `<span class="chip kw">${escapeMarkup(k)}</span>`)
  ].join('');
  const id = escapeMarkup(item.id);
  return (
    `<li${selected ? ' class="selected"' : ''} data-testid="proposition" data-id="${id}">` +
    (parent ? `<span class="parent">Sous «&nbsp;${escapeMarkup(parent)}&nbsp;»</span>` : '') +
    `<span class="text">${escapeMarkup(item.text)}</span>` +
    `<span class="meta"><span class="id">${id}</span>${chips}</span>` +
    `<button type="button" aria-pressed="${selected}" data-id="${id}">` +
    `${selected ? 'Masquer les territoires' : 'Où cela s’applique ?'}</button></li>`
  );
}

/**
 * The list's markup: per theme a heading (h2), per column a heading (h3), framing lines in italics,
 * one card per item with its id, tags, keywords and the « Où cela s’applique ? » button
 * (`aria-pressed` on the selected item). `parents`: id → text of bullets, for sub-bullets.
 */
export function listHtml(
  groups: readonly ListGroup[],
  selected: string | null,
  parents: Record<string, string>
): string {
  let html = '';
  groups.forEach((g, gi) => {
    if (gi === 0 || groups[gi - 1]?.theme !== g.theme)
      html += `<h2 class="theme">Thème ${g.theme} — ${escapeMarkup(g.question)}</h2>`;
    html += `<h3 class="column">${escapeMarkup(WORKSHOP_COLUMN_LABELS[g.column])}</h3>`;
    for (const intro of g.columnIntros)
      html += `<p class="intro" data-testid="framing-line" data-id="${escapeMarkup(intro.id)}">${escapeMarkup(intro.text)}</p>`;
    for (const block of g.blocks) {
      if (block.heading)
        html += `<p class="intro run" data-testid="framing-line" data-id="${escapeMarkup(block.heading.id)}">${escapeMarkup(block.heading.text)}</p>`;
      html += `<ul class="items${block.heading ? ' framed' : ''}">`;
      for (const item of block.entries) html += card(item, selected === item.id, parents);
      html += '</ul>';
    }
  });
  return html;
}
