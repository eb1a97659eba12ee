/**
 * State of the map explorer page (`/`) shared by its components: the view (URL parameters, hover,
 * announcements), the chosen indicator's classes and colours or the propositions counted for the
 * workshop filter, and the one scheme the map (both renderers), the legend, the table and the PNG
 * export draw. One instance per page, created while the page initialises (its effects belong to
 * the page).
 */
/* eslint-disable svelte/prefer-svelte-reactivity -- the maps and sets below are built anew by their
   $derived (or thrown away), never mutated: no reactivity of their own is needed. */
import { onMount } from 'svelte';
import { base } from '$app/paths';
import type ExplorerMap from './ExplorerMap.svelte';
import { indicatorGroups } from './groups';
import { filterOf, PropositionsState } from './propositions.svelte';
import {
  communeAriaLabel,
  qpvAriaLabel,
  selectionText,
  type CommuneFigure
} from './territory-text';
import type { Loaded } from '../../data/app-data';
import { classify } from '../../map/classify';
import { contextSources, contextSourcesLine, qpvSourceRefs } from '../../map/context-sources';
import { paletteColors } from '../../map/palettes';
import {
  buildScheme,
  countValues as countSchemeValues,
  classedNumbers,
  notApplicableLabelOf,
  zeroApartFor
} from '../../map/scheme/scheme';
import type {
  ExplorerIndicators,
  IndicatorDefinition,
  IndicatorValue
} from '../../schemas/indicators';
import type { SourceRef } from '../../schemas/common';
import type { SourceEntry } from '../../schemas/sources-manifest';
import type { SvgOverview } from '../../schemas/svg-map';
import { getContributions, type ContributionsState } from '../../state/contributions.svelte';
import { afterIslands } from '../island/islands';
import { nextTask } from '../next-task';
import { ExplorerState } from '../../state/explorer-state.svelte';

/** What the page's load gives the explorer. */
export interface ExplorerPageData {
  indicators: Loaded<ExplorerIndicators>;
  geometry: Loaded<SvgOverview>;
  epciName: string | null;
  sources: readonly Pick<SourceEntry, 'id' | 'title' | 'producer' | 'vintage' | 'attribution'>[];
}

const FALLBACK_DEF: IndicatorDefinition = {
  id: 'sru_taux_lls',
  label: 'Indicateur',
  unit: '',
  decimals: 0,
  method: '',
  sources: ['sru-inventaire'],
  vintage: '',
  higherIsBetter: null
};
function loadedOrNull<T>(loaded: Loaded<T>): T | null {
  return loaded.ok ? loaded.data : null;
}

const COUNT_DEF = { label: 'Propositions ciblées', unit: '', decimals: 0 };

export class ExplorerPage {
  readonly ui = new ExplorerState();
  /** « propositions » view (workshop base loaded on first use). */
  readonly propositions = new PropositionsState();
  #data: () => ExplorerPageData;

  readonly indicators = $derived(loadedOrNull(this.#page().indicators));
  readonly geometry = $derived(loadedOrNull(this.#page().geometry));
  readonly epciName = $derived(this.#page().epciName ?? 'la Métropole');
  readonly communes = $derived(this.indicators?.communes ?? []);
  readonly codes = $derived(this.communes.map((c) => c.code));
  readonly nameOf = $derived(new Map(this.communes.map((c) => [c.code, c.nom])));
  readonly qpvOf = $derived(new Map((this.indicators?.qpv ?? []).map((q) => [q.code, q])));
  readonly groups = $derived(indicatorGroups(this.indicators?.definitions ?? [], this.communes));

  readonly definition = $derived(
    this.indicators?.definitions.find((d) => d.id === this.ui.view.indicator) ??
      this.indicators?.definitions[0] ??
      FALLBACK_DEF
  );
  readonly values = $derived(
    new Map<string, IndicatorValue>(
      this.communes.flatMap((c) => {
        const v = c.values[this.definition.id];
        return v ? [[c.code, v] as const] : [];
      })
    )
  );
  // « Objectif atteint » (0) of the deficit indicators is a category of its own, not a class.
  readonly zeroApart = $derived(zeroApartFor(this.definition.id));
  readonly okValues = $derived(classedNumbers(this.values.values(), this.zeroApart));
  readonly classification = $derived(
    classify(this.okValues, this.ui.view.method, this.ui.view.classes, this.ui.view.breaks)
  );
  readonly colors = $derived(
    paletteColors(this.ui.view.palette, this.classification.lowerBounds.length)
  );

  readonly manifest = $derived(this.#page().sources);
  readonly sourceNames = $derived(new Map(this.manifest.map((src) => [src.id, src.attribution])));
  readonly sourceText = $derived(
    `${this.definition.sources.map((id) => this.sourceNames.get(id) ?? id).join(' ; ')} — ${this.definition.vintage}`
  );

  readonly propositionsMode = $derived(this.ui.view.mode === 'propositions');
  readonly filter = $derived(filterOf(this.ui.view));
  readonly counted = $derived(
    this.propositions.workshop &&
      this.propositions.linking &&
      this.propositions.profiles &&
      this.propositionsMode
      ? this.propositions.linking.countItemsByTerritory(
          this.propositions.workshop.items,
          this.propositions.profiles,
          this.filter
        )
      : null
  );
  readonly countValues = $derived(
    new Map((this.counted?.counts ?? []).map((c) => [c.code, c.targeted]))
  );
  readonly countClasses = $derived(
    classify(
      [...this.countValues.values()],
      'jenks',
      Math.min(5, new Set(this.countValues.values()).size)
    )
  );
  readonly countColors = $derived(
    paletteColors('orange-rouge', this.countClasses.lowerBounds.length)
  );
  readonly universal = $derived(this.counted?.counts[0]?.universal ?? 0);
  readonly selectedItems = $derived.by(() => {
    const code = this.ui.view.selected;
    const { workshop, linking, profiles } = this.propositions;
    const profile = code ? profiles?.find((p) => p.code === code) : undefined;
    return workshop && linking && profile
      ? linking.itemsForTerritory(profile, workshop.items, this.filter)
      : null;
  });

  // ——— one scheme for the map (both renderers), the legend, the table and the PNG ———
  readonly notApplicableLabel = $derived(notApplicableLabelOf(this.definition.id));
  readonly scheme = $derived(
    this.propositionsMode
      ? buildScheme({
          values: countSchemeValues(this.countValues),
          codes: this.codes,
          classification: this.countClasses,
          colors: this.countColors,
          definition: COUNT_DEF
        })
      : buildScheme({
          values: this.values,
          codes: this.codes,
          classification: this.classification,
          colors: this.colors,
          definition: this.definition,
          notApplicableLabel: this.notApplicableLabel,
          zeroApart: this.zeroApart,
          requestedClasses: this.ui.view.method === 'manuel' ? undefined : this.ui.view.classes
        })
  );

  /** Contributions of public meetings kept in this browser (read once mounted: not prerendered). */
  contributions = $state<ContributionsState | null>(null);
  /**
   * The QPV perimeters drawn, for the legends: their generations (« 2015 », « 2024 ») and
   * datasets; null until known.
   */
  qpvLayer = $state<{ generations: string[]; sources: SourceRef[] } | null>(null);
  /** Generations of the QPV perimeters drawn, or null when the layer is off (or not yet known). */
  readonly qpvGenerations = $derived(
    this.ui.hasLayer('qpv') ? (this.qpvLayer?.generations ?? null) : null
  );
  /** Datasets of the QPV perimeters drawn, or null when the layer is off (or not yet known). */
  readonly qpvSources = $derived(this.ui.hasLayer('qpv') ? (this.qpvLayer?.sources ?? null) : null);
  /** The map component (PNG export) and which renderer it shows. */
  map = $state<ReturnType<typeof ExplorerMap> | null>(null);
  renderer = $state<'svg' | 'maplibre'>('svg');
  /**
   * The transit layers asked for and drawn. Only MapLibre draws them on this page: without it
   * (no WebGL, a failed download) the legend neither shows nor cites them.
   */
  readonly transitShown = $derived({
    lines: this.renderer === 'maplibre' && this.ui.hasLayer('lignes'),
    stops: this.renderer === 'maplibre' && this.ui.hasLayer('arrets')
  });
  /** The datasets of the context layers drawn (QPV, transit lines, stops), for the legend. */
  readonly contextSourceLine = $derived(
    contextSourcesLine(
      contextSources(
        {
          qpv: this.qpvSources,
          lines: this.transitShown.lines,
          stops: this.transitShown.stops
        },
        this.manifest
      ),
      this.manifest
    )
  );

  // A method, not the field: the fields' initialisers may name it (their $derived run later).
  #page(): ExplorerPageData {
    return this.#data();
  }

  constructor(data: () => ExplorerPageData) {
    this.#data = data;
    $effect(() => {
      // Also loaded for a topic in the URL, to check that it names a workshop keyword.
      if (this.ui.view.mode === 'propositions' || this.ui.view.topic) this.propositions.load();
    });
    // Read once the islands have hydrated, in a task of its own: the first access to
    // localStorage is slow, and the counts (tooltips, names of the propositions view) can wait.
    onMount(() => {
      let cancelRead = () => {};
      const cancel = afterIslands(() => {
        cancelRead = nextTask(() => (this.contributions = getContributions()));
      });
      return () => {
        cancel();
        cancelRead();
      };
    });
    // ——— context layers, for the legend ———
    $effect(() => {
      if (!this.ui.hasLayer('qpv') || this.qpvLayer) return;
      const describe = (qpv: readonly { generation: string; geometryRef: SourceRef }[]) => ({
        generations: [...new Set(qpv.map((q) => q.generation))].sort(),
        sources: qpvSourceRefs(qpv)
      });
      if (this.geometry) {
        this.qpvLayer = describe(this.geometry.qpv);
        return;
      }
      import('../../data/app-data')
        .then(({ loadData }) => loadData(fetch, 'qpv', base))
        .then(
          (q) => (this.qpvLayer = describe(q.features.map((f) => f.properties))),
          () => undefined
        );
    });
  }

  /** Meeting contributions about a commune (imported and captured). */
  meetingCount(code: string): number {
    const c = this.contributions;
    return c ? c.imported(code).length + c.captured(code).length : 0;
  }

  #figure(code: string): CommuneFigure {
    return this.propositionsMode
      ? { count: this.countValues.get(code) ?? 0 }
      : { definition: this.definition, value: this.values.get(code) };
  }

  /** Selects a commune (or clears the selection) and announces it. */
  readonly select = (code: string | null): void => {
    this.ui.select(code, (c) => selectionText(this.nameOf.get(c) ?? c, this.#figure(c)));
  };

  /** Accessible name of a territory on the map: « Grenoble : Taux de LLS 22,5 % ». */
  readonly ariaLabelOf = (code: string, kind: 'commune' | 'qpv'): string =>
    kind === 'qpv'
      ? qpvAriaLabel(this.qpvOf.get(code)?.nom ?? code)
      : communeAriaLabel(this.nameOf.get(code) ?? code, this.#figure(code));
}
