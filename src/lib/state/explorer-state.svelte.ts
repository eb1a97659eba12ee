/**
 * State of the map explorer (`/`): the view parameters that live in the URL, plus the hovered
 * territory and the last announcement for screen readers, which do not. One instance per page.
 */
import {
  DEFAULT_VIEW,
  LAYER_IDS,
  checkViewAgainstData,
  decodeViewChecked,
  encodeView,
  type LayerId,
  type UrlWarning,
  type ViewParams
} from '../map/url-state';

export class ExplorerState {
  view = $state<ViewParams>({ ...DEFAULT_VIEW, layers: [...DEFAULT_VIEW.layers] });
  /** Commune under the pointer or keyboard focus (map or table). */
  hovered = $state<string | null>(null);
  /** Text of the `aria-live` region. */
  announcement = $state('');
  /** URL parameters that named nothing valid and were replaced by defaults (shown discreetly). */
  urlWarnings = $state<UrlWarning[]>([]);

  /** The query string of the current view (without « ? »), defaults left out. */
  readonly query = $derived(encodeView(this.view).toString());

  /** Restores the view from a query string (a reload or a shared link). */
  load(search: string | URLSearchParams): void {
    const { state, warnings } = decodeViewChecked(
      // A throw-away parser, not state: no reactivity needed.
      // eslint-disable-next-line svelte/prefer-svelte-reactivity
      typeof search === 'string' ? new URLSearchParams(search) : search
    );
    // Only what differs is assigned: a page opened without parameters (the prerendered view)
    // changes nothing, so nothing drawn from the view is computed again.
    for (const key of Object.keys(state) as (keyof ViewParams)[]) this.#assign(key, state[key]);
    if (warnings.length > 0 || this.urlWarnings.length > 0) this.urlWarnings = warnings;
  }

  #assign<K extends keyof ViewParams>(key: K, value: ViewParams[K]): void {
    if (JSON.stringify(this.view[key]) !== JSON.stringify(value)) this.view[key] = value;
  }

  /**
   * Once the data is loaded: drops a selected territory or a topic that does not exist, with a
   * warning. Pass only what is known (topics come with the workshop base, loaded on demand).
   */
  checkData(known: { territories?: ReadonlySet<string>; topics?: readonly string[] }): void {
    const { state, warnings } = checkViewAgainstData(this.view, known);
    if (warnings.length === 0 && state === this.view) return;
    if (state.selected !== this.view.selected) this.view.selected = state.selected;
    if (state.topic !== this.view.topic) this.view.topic = state.topic;
    this.urlWarnings = [...this.urlWarnings, ...warnings];
  }

  dismissUrlWarnings(): void {
    this.urlWarnings = [];
  }

  set<K extends keyof ViewParams>(key: K, value: ViewParams[K]): void {
    this.view[key] = value;
  }

  hasLayer(id: LayerId): boolean {
    return this.view.layers.includes(id);
  }

  toggleLayer(id: LayerId, on: boolean): void {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a throw-away set, not state
    const set = new Set(this.view.layers);
    if (on) set.add(id);
    else set.delete(id);
    this.view.layers = LAYER_IDS.filter((l) => set.has(l));
  }

  /**
   * Selects a territory (or clears the selection) and announces it. `describe` gives the French
   * sentence, e.g. « Échirolles sélectionnée : taux de LLS 36,2 % ».
   */
  select(code: string | null, describe: (code: string) => string): void {
    this.view.selected = code;
    this.announcement = code ? describe(code) : 'Sélection effacée.';
  }
}
