/**
 * « Propositions » view of the explorer: the workshop base, the linking code and the communes'
 * linking profiles are loaded only when the view is first opened (their own chunks; the profiles
 * from the indicators file, left out of the prerendered page), then the items targeting each
 * commune are counted for the current filter.
 */
import { base } from '$app/paths';
import type { WorkshopLoadResult } from '../../data/workshop';
import type { TerritoryProfile } from '../../schemas/tags';
import type { WorkshopFilter } from '../../linking/filter';
import { isWorkshopColumn } from '../../schemas/vocabulary';
import type { ViewParams } from '../../map/url-state';

type Linking = typeof import('../../linking/items-for-territory') &
  typeof import('../../linking/territories-for-item');

export class PropositionsState {
  workshop = $state.raw<WorkshopLoadResult | null>(null);
  linking = $state.raw<Linking | null>(null);
  /** The communes' linking profiles. */
  profiles = $state.raw<TerritoryProfile[] | null>(null);
  error = $state<string | null>(null);
  #loading = false;

  /** Starts the download once (no-op after). */
  load(): void {
    if (this.#loading || this.workshop) return;
    this.#loading = true;
    Promise.all([
      import('../../data/workshop'),
      import('../../linking/items-for-territory'),
      import('../../linking/territories-for-item'),
      // The loader and its schemas too: the explorer's first view does without them.
      import('../../data/app-data').then(({ loadData }) => loadData(fetch, 'indicators', base))
    ])
      .then(async ([w, items, territories, indicators]) => {
        // The curated CSV is bundled (its own chunk): no generated copy can go stale or missing.
        const loaded = await w.loadBundledWorkshop();
        this.linking = { ...items, ...territories };
        this.profiles = indicators.communes.map((c) => c.profile);
        this.workshop = loaded;
      })
      .catch((e: unknown) => {
        this.error = e instanceof Error ? e.message : String(e);
        this.#loading = false;
      });
  }

  /** Themes of the base, by number, with their question. */
  get themes(): [number, string][] {
    // A throw-away de-duplication, not state.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const byTheme = new Map(this.workshop?.items.map((i) => [i.theme, i.themeQuestion]) ?? []);
    return [...byTheme.entries()].sort((a, b) => a[0] - b[0]);
  }

  /** The 40 most frequent keywords. */
  get topics(): { keyword: string; count: number }[] {
    return this.workshop && this.linking
      ? this.linking.keywordCounts(this.workshop.items).slice(0, 40)
      : [];
  }
}

/** The workshop filter of a view (theme 1–4, column, keyword). */
export function filterOf(view: Pick<ViewParams, 'theme' | 'column' | 'topic'>): WorkshopFilter {
  const f: WorkshopFilter = {};
  const theme = Number(view.theme);
  if (Number.isInteger(theme) && theme >= 1 && theme <= 4) f.theme = theme;
  if (isWorkshopColumn(view.column)) f.column = view.column;
  if (view.topic) f.keyword = view.topic;
  return f;
}
