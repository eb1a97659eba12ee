/**
 * The body of the communes table as one escaped HTML string (pure). 49 rows of figures drawn by
 * a component cost a phone's main thread a few hundred milliseconds to hydrate; as markup they
 * are adopted as they are, and the table listens on the body (event delegation). Hover and
 * selection are applied to the rows afterwards (`applyRowStates`), so a hover never redraws the
 * rows nor moves the keyboard focus.
 */
import { SRU_STATUS_LABELS } from '../../export/labels';
import { escapeMarkup } from '../../format/markup';
import { formatCompactValue, formatIndicatorValue } from '../../map/indicator-format';
import { zeroApartFor } from '../../map/scheme/scheme';
import { SRU_STATUS_COLUMN, type TableColumnId } from '../../map/table-columns';
import type { IndicatorDefinition, IndicatorId, IndicatorValue } from '../../schemas/indicators';
import type { TableRow } from './sort-rows';

export type ColumnDef = Pick<IndicatorDefinition, 'label' | 'unit' | 'decimals'>;

export interface RowsHtmlOptions {
  /** The map's figure (first column after the name). */
  definition: ColumnDef;
  /** Id of the map's figure, '' for a count. */
  mapIndicator: string;
  extra: readonly TableColumnId[];
  definitions: ReadonlyMap<IndicatorId, ColumnDef>;
  /** Class colour of a row's value (swatch), or null. */
  colorOf?: (row: TableRow) => string | null;
  /** Link of a commune's sheet. */
  hrefOf: (code: string) => string;
  /** Selected commune when the rows are drawn (later changes go through `applyRowStates`). */
  selected: string | null;
}

/** « non soumise » for the SRU figures of a commune outside the law, as the map's legend says. */
const naLabel = (id: string) => (id.startsWith('sru_') ? 'non soumise' : undefined);

/** A deficit of 0 is a status (« atteint »), as on the map, not the smallest deficit. */
export function cellText(v: IndicatorValue | undefined, d: ColumnDef, id: string): string {
  return zeroApartFor(id) && v?.status === 'ok' && v.value === 0
    ? '0 (objectif atteint)'
    : formatCompactValue(v, d, naLabel(id));
}

/** The estimate's full wording (with its range) as a tooltip, for estimated figures only. */
const titleAttr = (v: IndicatorValue | undefined, d: ColumnDef) =>
  v?.estimate ? ` title="${escapeMarkup(formatIndicatorValue(v, d))}"` : '';

/** The `<tr>` rows of the table body, in the given order. */
export function tableRowsHtml(rows: readonly TableRow[], o: RowsHtmlOptions): string {
  let out = '';
  for (const row of rows) {
    const on = row.code === o.selected;
    const color = o.colorOf?.(row) ?? null;
    const swatch = color
      ? `<span class="swatch" style="background: ${escapeMarkup(color)};" aria-hidden="true"></span>`
      : '';
    let cells = `<td class="num"${titleAttr(row.value, o.definition)}>${swatch}${escapeMarkup(
      cellText(row.value, o.definition, o.mapIndicator)
    )}</td>`;
    for (const id of o.extra) {
      if (id === SRU_STATUS_COLUMN) {
        const status = row.sruStatus ? SRU_STATUS_LABELS[row.sruStatus] : '—';
        cells += `<td class="status">${escapeMarkup(status)}</td>`;
        continue;
      }
      const v = row.values[id];
      const d = o.definitions.get(id) ?? { unit: '', decimals: 0, label: id };
      cells += `<td class="num"${titleAttr(v, d)}>${escapeMarkup(cellText(v, d, id))}</td>`;
    }
    out +=
      `<tr data-code="${escapeMarkup(row.code)}"${on ? ' class="selected"' : ''}>` +
      `<th scope="row"><a href="${escapeMarkup(o.hrefOf(row.code))}">${escapeMarkup(row.nom)}</a></th>` +
      cells +
      `<td><button type="button" class="select" aria-pressed="${on}">` +
      // A dot drawn in CSS, full when pressed: the characters ● ○ are not in the bundled
      // typeface, and each row then made the browser look for a system font.
      `<span class="dot" aria-hidden="true"></span>` +
      `<span class="visually-hidden">Montrer ${escapeMarkup(row.nom)} sur la carte</span>` +
      `</button></td></tr>`;
  }
  return out;
}

/** Marks the hovered and the selected row of a drawn body (classes, `aria-pressed`). */
export function applyRowStates(
  body: ParentNode,
  hovered: string | null,
  selected: string | null
): void {
  for (const tr of body.querySelectorAll<HTMLTableRowElement>('tr[data-code]')) {
    const code = tr.dataset.code ?? '';
    const on = code === selected;
    tr.classList.toggle('hovered', code === hovered);
    tr.classList.toggle('selected', on);
    const button = tr.querySelector('button.select');
    if (button && button.getAttribute('aria-pressed') !== String(on)) {
      button.setAttribute('aria-pressed', String(on));
    }
  }
}

/** The commune code of the row an event happened in, or null. */
export function rowCodeOf(target: EventTarget | null): string | null {
  const el = target instanceof Element ? target.closest('tr[data-code]') : null;
  return el instanceof HTMLElement ? (el.dataset.code ?? null) : null;
}
