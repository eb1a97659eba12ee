/**
 * Scenarios of the arbitration page: the saved list, the one being edited, and the messages of
 * the last load/import. Every edit is saved at once (no « unsaved changes » state to lose).
 * Storage is injected (`window.localStorage` in the page, a double in tests).
 */
import {
  applyImport,
  deleteScenario,
  listSetAside,
  loadScenarios,
  planImport,
  resolveImport,
  saveScenario,
  ScenarioImportError,
  StorageFullError,
  type ConflictChoice,
  type ImportPlan,
  type KeyValueStorage,
  type SetAsideEntry
} from '$lib/data/scenario-storage';
import type { Scenario, ScenarioCommune } from '$lib/schemas/scenario';

export type Notice = { kind: 'info' | 'error'; text: string };

export class ScenarioStore {
  scenarios = $state<Scenario[]>([]);
  currentId = $state<string | null>(null);
  /** Entries set aside during this load (corrupted), reported to the user. */
  setAside = $state<SetAsideEntry[]>([]);
  /** Keys of all entries ever set aside and still kept in storage. */
  setAsideKeys = $state<string[]>([]);
  notice = $state<Notice | null>(null);
  /** Warnings of the last import (unknown communes, communes listed twice). */
  warnings = $state<string[]>([]);
  /** An import waiting for the user's choice on names already saved. */
  pendingImport = $state.raw<ImportPlan | null>(null);
  ready = $state(false);

  current = $derived(this.scenarios.find((s) => s.id === this.currentId) ?? null);

  #storage: KeyValueStorage | null = null;
  #newId: () => string;
  #now: () => string;
  #knownCodes: ReadonlySet<string> | null;

  /** `knownCodes`: INSEE codes of the communes a scenario may plan (import warnings). */
  constructor(
    newId: () => string,
    now: () => string,
    knownCodes: ReadonlySet<string> | null = null
  ) {
    this.#newId = newId;
    this.#now = now;
    this.#knownCodes = knownCodes;
  }

  /** French text of a failed write; storage errors are already French. */
  #fail(prefix: string, error: unknown): void {
    const detail = error instanceof Error ? error.message : String(error);
    this.notice = {
      kind: 'error',
      text: error instanceof StorageFullError ? detail : `${prefix} : ${detail}`
    };
  }

  /**
   * Reads storage; corrupted entries are set aside and reported. `knownCodes` (optional) replaces
   * the communes given to the constructor.
   */
  init(storage: KeyValueStorage, knownCodes?: ReadonlySet<string>): void {
    this.#storage = storage;
    if (knownCodes) this.#knownCodes = knownCodes;
    const { scenarios, setAside } = loadScenarios(storage);
    this.scenarios = scenarios;
    this.setAside = setAside;
    this.setAsideKeys = listSetAside(storage);
    this.currentId = scenarios[0]?.id ?? null;
    this.ready = true;
  }

  /** Saves then updates the list; throws (list unchanged) when the write fails. */
  #put(s: Scenario): void {
    if (!this.#storage) return;
    saveScenario(this.#storage, s);
    const i = this.scenarios.findIndex((x) => x.id === s.id);
    if (i >= 0) this.scenarios[i] = s;
    else this.scenarios.push(s);
  }

  /**
   * Adds a scenario built by `make(id, now)` and selects it; null (with a French notice) when it
   * cannot be saved, e.g. storage full.
   */
  create(make: (id: string, nowIso: string) => Scenario): Scenario | null {
    const s = make(this.#newId(), this.#now());
    try {
      this.#put(s);
    } catch (error) {
      this.#fail(`Création refusée`, error);
      return null;
    }
    this.currentId = s.id;
    return s;
  }

  duplicate(): void {
    const cur = this.current;
    if (!cur) return;
    const now = this.#now();
    this.create((id) => ({
      ...structuredClone($state.snapshot(cur)),
      id,
      name: `${cur.name} (copie)`.slice(0, 120),
      createdAt: now,
      updatedAt: now
    }));
  }

  #edit(change: (s: Scenario) => Scenario): void {
    const cur = this.current;
    if (!cur) return;
    const next = change(structuredClone($state.snapshot(cur)));
    next.updatedAt = this.#now();
    try {
      this.#put(next);
    } catch (error) {
      this.#fail('Modification refusée', error);
    }
  }

  rename(name: string): void {
    if (name.trim() === '') return;
    this.#edit((s) => ({ ...s, name: name.trim().slice(0, 120) }));
  }

  setStartYear(year: number): void {
    if (!Number.isInteger(year)) return;
    this.#edit((s) => ({ ...s, startYear: year }));
  }

  setCommune(code: string, change: (c: ScenarioCommune) => ScenarioCommune): void {
    this.#edit((s) => ({
      ...s,
      communes: s.communes.map((c) => (c.code === code ? change(c) : c))
    }));
  }

  setProduction(code: string, index: number, value: number): void {
    if (!Number.isFinite(value) || value < 0) return;
    this.setCommune(code, (c) => ({
      ...c,
      production: c.production.map((p, i) => (i === index ? value : p))
    }));
  }

  setGrowth(code: string, value: number): void {
    if (!Number.isFinite(value)) return;
    this.setCommune(code, (c) => ({ ...c, rpGrowthPct: value }));
  }

  /**
   * Replaces the yearly production of several communes in one edit (one save), e.g. a solver's
   * answer. Communes absent from the scenario are ignored.
   */
  applyProductions(productions: ReadonlyMap<string, readonly number[]>): void {
    for (const p of productions.values())
      if (p.length !== 6 || p.some((x) => !Number.isFinite(x) || x < 0)) return;
    this.#edit((s) => ({
      ...s,
      communes: s.communes.map((c) => {
        const p = productions.get(c.code);
        return p ? { ...c, production: [...p] } : c;
      })
    }));
  }

  /** Catch-up rate of a contrat de mixité sociale (hypothesis), or null for the legal rate. */
  setCmsRate(code: string, pct: number | null): void {
    if (pct !== null && (!Number.isFinite(pct) || pct < 0 || pct > 100)) return;
    this.setCommune(code, (c) => ({ ...c, cmsCatchUpPct: pct }));
  }

  /** Adds plans for communes the current scenario lacks (e.g. newly subject to SRU). */
  addMissing(plans: readonly ScenarioCommune[]): void {
    const cur = this.current;
    if (!cur) return;
    const known = cur.communes.map((c) => c.code);
    const missing = plans.filter((p) => !known.includes(p.code));
    if (missing.length > 0) this.#edit((s) => ({ ...s, communes: [...s.communes, ...missing] }));
  }

  /** Same growth for every commune. */
  setGrowthAll(value: number): void {
    if (!Number.isFinite(value)) return;
    this.#edit((s) => ({ ...s, communes: s.communes.map((c) => ({ ...c, rpGrowthPct: value })) }));
  }

  remove(id: string): void {
    if (!this.#storage) return;
    deleteScenario(this.#storage, id);
    this.scenarios = this.scenarios.filter((s) => s.id !== id);
    if (this.currentId === id) this.currentId = this.scenarios[0]?.id ?? null;
  }

  /**
   * Reads a JSON file. Names already saved put the import on hold (`pendingImport`) until
   * `resolveImport` is called with the user's choice; otherwise it is written at once. On any
   * error the message is shown and nothing changes.
   */
  importText(text: string, fileName: string): void {
    if (!this.#storage) return;
    this.warnings = [];
    this.pendingImport = null;
    let plan: ImportPlan;
    try {
      plan = planImport(text, fileName, $state.snapshot(this.scenarios), this.#knownCodes);
    } catch (error) {
      this.#importFailed(fileName, error);
      return;
    }
    this.warnings = plan.warnings;
    if (plan.conflicts.length > 0) {
      this.pendingImport = plan;
      this.notice = null;
      return;
    }
    this.#applyImport(plan, 'rename');
  }

  /** The user's answer to a pending import: replace, rename, or cancel (nothing written). */
  resolveImport(choice: ConflictChoice | 'cancel'): void {
    const plan = this.pendingImport;
    this.pendingImport = null;
    if (!plan) return;
    if (choice === 'cancel') {
      this.warnings = [];
      this.notice = {
        kind: 'info',
        text: `Import de « ${plan.fileName} » annulé : les scénarios enregistrés sont inchangés.`
      };
      return;
    }
    this.#applyImport(plan, choice);
  }

  #applyImport(plan: ImportPlan, choice: ConflictChoice): void {
    if (!this.#storage) return;
    try {
      const toSave = resolveImport(plan, $state.snapshot(this.scenarios), choice, this.#newId);
      applyImport(this.#storage, toSave, plan.fileName);
      const byId = (id: string) => toSave.find((s) => s.id === id);
      const replaced = this.scenarios.filter((s) => byId(s.id)).length;
      this.scenarios = [
        ...this.scenarios.map((s) => byId(s.id) ?? s),
        ...toSave.filter((s) => !this.scenarios.some((x) => x.id === s.id))
      ];
      this.currentId = toSave[0]?.id ?? this.currentId;
      this.notice = {
        kind: 'info',
        text:
          `${toSave.length} scénario(s) importé(s) depuis « ${plan.fileName} »` +
          (replaced > 0 ? `, dont ${replaced} remplaçant un scénario du même nom.` : '.')
      };
    } catch (error) {
      this.#importFailed(plan.fileName, error);
    }
  }

  #importFailed(fileName: string, error: unknown): void {
    this.warnings = [];
    this.notice = {
      kind: 'error',
      text:
        error instanceof ScenarioImportError
          ? error.message
          : error instanceof StorageFullError
            ? error.message
            : `Import impossible de « ${fileName} » : ${error instanceof Error ? error.message : String(error)}. Les scénarios enregistrés sont inchangés.`
    };
  }
}
