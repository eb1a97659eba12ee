/**
 * Scenarios of the arbitration page: the saved list, the one being edited, and the messages of
 * the last load/import. Every edit is saved at once (no « unsaved changes » state to lose).
 * Storage is injected (`window.localStorage` in the page, a double in tests).
 */
import {
  deleteScenario,
  importScenarios,
  listSetAside,
  loadScenarios,
  saveScenario,
  ScenarioImportError,
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
  ready = $state(false);

  current = $derived(this.scenarios.find((s) => s.id === this.currentId) ?? null);

  #storage: KeyValueStorage | null = null;
  #newId: () => string;
  #now: () => string;

  constructor(newId: () => string, now: () => string) {
    this.#newId = newId;
    this.#now = now;
  }

  /** Reads storage; corrupted entries are set aside and reported. */
  init(storage: KeyValueStorage): void {
    this.#storage = storage;
    const { scenarios, setAside } = loadScenarios(storage);
    this.scenarios = scenarios;
    this.setAside = setAside;
    this.setAsideKeys = listSetAside(storage);
    this.currentId = scenarios[0]?.id ?? null;
    this.ready = true;
  }

  #put(s: Scenario): void {
    if (!this.#storage) return;
    saveScenario(this.#storage, s);
    const i = this.scenarios.findIndex((x) => x.id === s.id);
    if (i >= 0) this.scenarios[i] = s;
    else this.scenarios.push(s);
  }

  /** Adds a scenario built by `make(id, now)` and selects it. */
  create(make: (id: string, nowIso: string) => Scenario): Scenario {
    const s = make(this.#newId(), this.#now());
    this.#put(s);
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
      this.notice = {
        kind: 'error',
        text: `Modification refusée : ${error instanceof Error ? error.message : String(error)}`
      };
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

  /** Imports a JSON file; on error the message is shown and nothing changes. */
  importText(text: string, fileName: string): void {
    if (!this.#storage) return;
    try {
      const added = importScenarios(this.#storage, text, fileName, this.#newId);
      for (const s of added) this.scenarios.push(s);
      this.currentId = added[0]?.id ?? this.currentId;
      this.notice = {
        kind: 'info',
        text: `${added.length} scénario(s) importé(s) depuis « ${fileName} ».`
      };
    } catch (error) {
      this.notice = {
        kind: 'error',
        text:
          error instanceof ScenarioImportError
            ? error.message
            : `Import impossible de « ${fileName} » : ${error instanceof Error ? error.message : String(error)}. Les scénarios enregistrés sont inchangés.`
      };
    }
  }
}
