/**
 * State of the arbitration page (`/arbitrage`) shared by its sections: the saved scenarios, the
 * communes compared (from and to the link), the current scenario's projection and the page's
 * own fields (growth for all, target year, last notices). One instance per page; the page calls
 * `mount` once mounted and keeps the URL in step.
 */
/* eslint-disable svelte/prefer-svelte-reactivity -- maps built anew by their $derived, and
   throw-away sets, parsers and dates: none is mutated, no reactivity of its own is needed. */
import { tick } from 'svelte';
import type { PublishedFacts } from './PlanTable.svelte';
import { compareLinkNotice, fileSlug, solverAppliedText } from './text';
import { defaultPlan, newScenario, type Calendar } from '../../arbitration/baseline';
import { COMPARE_PARAM, parseCompareParam } from '../../arbitration/compare-param';
import type { CommuneBaseline } from '../../arbitration/projection';
import { projectScenario } from '../../arbitration/scenario-view';
import { exportScenariosJson, scenarioToCsv } from '../../data/scenario-storage';
import { downloadBlob } from '../../export/download';
import type { CmsFile } from '../../schemas/cms';
import type { SruRules } from '../../schemas/parameters';
import { ScenarioStore } from '../../state/scenarios.svelte';

/** A dataset as the page cites it (producer and vintage, never a file name). */
export interface CitedSource {
  id: string;
  producer: string;
  vintage: string;
  title: string;
}

/** What the page's load gives the arbitration page. */
export interface ArbitrationData {
  baselines: CommuneBaseline[];
  unprojectable: { code: string; nom: string; reason: string }[];
  calendar: Calendar;
  rules: SruRules;
  /** Legal catch-up rate (%) by commune. */
  legalRates: Record<string, number>;
  sruSource: CitedSource | null;
  cms: CmsFile;
  cmsSource: CitedSource | null;
  published: Record<string, PublishedFacts>;
}

export class ArbitrationPage {
  readonly store = new ScenarioStore(
    () => crypto.randomUUID(),
    () => new Date().toISOString()
  );
  /** Communes compared (2 to 4), in the link. */
  selected = $state<string[]>([]);
  compareNotice = $state<string | null>(null);
  /** The link's comparison has been read (the URL may follow it from then on). */
  urlRead = $state(false);
  /** « Croissance des RP pour toutes les communes », until applied. */
  allGrowth = $state(0);
  /** Year the solver aims at; null = five years after the PLH's start. */
  targetYear = $state<number | null>(null);
  solverNotice = $state<string | null>(null);
  #data: () => ArbitrationData;

  // A getter, not the field: the fields' initialisers may name it (their $derived run later).
  get data(): ArbitrationData {
    return this.#data();
  }

  readonly names = $derived(new Map(this.data.baselines.map((b) => [b.code, b.nom])));
  readonly cmsYears = $derived(new Map(this.data.cms.communes.map((c) => [c.code, c.year])));

  // A scenario that cannot be projected (e.g. imported with a start year before the inventory)
  // shows its error instead of breaking the page.
  readonly projected = $derived.by(() => {
    if (!this.store.current) return { view: null, error: null };
    try {
      return {
        view: projectScenario(
          this.store.current,
          this.data.baselines,
          this.data.calendar,
          this.data.rules
        ),
        error: null
      };
    } catch (error) {
      return { view: null, error: error instanceof Error ? error.message : String(error) };
    }
  });
  readonly view = $derived(this.projected.view);
  readonly target = $derived(
    this.targetYear ?? (this.store.current ? this.store.current.startYear + 5 : 2031)
  );
  readonly compared = $derived.by(() => {
    const view = this.view;
    return view
      ? this.selected.map((c) => view.projections.find((p) => p.code === c)).filter((p) => !!p)
      : [];
  });
  readonly plans = $derived(new Map((this.store.current?.communes ?? []).map((c) => [c.code, c])));
  readonly sruSourceText = $derived(
    this.data.sruSource
      ? `${this.data.sruSource.producer}, ${this.data.sruSource.vintage}`
      : 'inventaire SRU'
  );

  constructor(data: () => ArbitrationData) {
    this.#data = data;
  }

  create(name = 'Nouveau scénario'): void {
    this.store.create((id, now) =>
      newScenario(id, name, now, this.data.baselines, this.data.calendar, this.data.rules)
    );
  }

  /** Once mounted: the comparison of the link, then the scenarios saved in this browser. */
  mount(search: string): void {
    // The comparison comes from the link (read in the browser: the page is prerendered).
    const parsed = parseCompareParam(
      new URLSearchParams(search).get(COMPARE_PARAM),
      new Set(this.names.keys())
    );
    this.selected = parsed.codes;
    this.urlRead = true;
    const notice = compareLinkNotice([...parsed.unknown, ...parsed.dropped]);
    if (notice) this.compareNotice = notice;

    let storage: Storage | null = null;
    try {
      storage = window.localStorage;
    } catch {
      this.store.notice = {
        kind: 'error',
        text: 'Le stockage local du navigateur est indisponible : les scénarios ne seront pas enregistrés.'
      };
    }
    if (!storage) return;
    this.store.init(storage, new Set(this.names.keys()));
    if (this.store.scenarios.length === 0) this.create('Rythme triennal actuel');
  }

  /**
   * Communes of the inventory missing from a saved scenario get their default plan, saved, so
   * that what the table shows is what the user edits (run in an `$effect`).
   */
  addMissingPlans(): void {
    const view = this.view;
    if (view && view.defaulted.length > 0)
      this.store.addMissing(
        this.data.baselines
          .filter((b) => view.defaulted.includes(b.code))
          .map((b) => defaultPlan(b, this.data.calendar, this.data.rules))
      );
  }

  setStartYear(year: number): void {
    if (Number.isInteger(year) && year >= this.data.calendar.baseYear)
      this.store.setStartYear(year);
  }

  setTargetYear(year: number): void {
    if (Number.isInteger(year)) this.targetYear = year;
  }

  exportJson(): void {
    downloadBlob(
      new Blob(
        [exportScenariosJson($state.snapshot(this.store.scenarios), new Date().toISOString())],
        { type: 'application/json' }
      ),
      'scenarios-atlas-plh.json'
    );
  }

  exportCsv(): void {
    if (!this.store.current || !this.view) return;
    downloadBlob(
      new Blob([scenarioToCsv($state.snapshot(this.store.current), this.view)], {
        type: 'text/csv;charset=utf-8'
      }),
      `scenario-${fileSlug(this.store.current.name)}.csv`
    );
  }

  async print(): Promise<void> {
    await tick();
    window.print();
  }

  applySolver(productions: Map<string, number[]>, label: string): void {
    this.store.applyProductions(productions);
    if (this.store.notice?.kind !== 'error')
      this.solverNotice = solverAppliedText(label, productions.size);
  }
}
