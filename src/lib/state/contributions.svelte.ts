/**
 * The room's contributions, shared by the slides, the presenter view, the sheets and the explorer.
 * Every change is saved at once (the whole store under one key); a refused write keeps the
 * previous state in memory and in storage and says so in French (`error`). Other windows of the
 * same browser follow through the `storage` event.
 */
import { CONTRIBUTIONS_KEY } from '$lib/data/contributions-key';
import type { KeyValueStorage } from '$lib/data/scenario-storage';
import type {
  Contribution,
  ContributionsStore,
  ImportedContribution,
  Meeting,
  VoteCount,
  VoteKind
} from '$lib/schemas/contributions';
import { emptyContributionsStore, type WorkshopColumn } from '$lib/schemas/vocabulary';

/**
 * The storage functions (zod validation of what is read): passed in, so that pages load them
 * after their first view rather than with it.
 */
export type ContributionsIo = Pick<
  typeof import('$lib/data/contributions-storage'),
  'loadContributions' | 'saveContributions' | 'ContributionsStorageError'
>;

const NO_VOTES: VoteCount = { pour: 0, contre: 0, debat: 0 };

export class ContributionsState {
  store = $state<ContributionsStore>(emptyContributionsStore());
  /** French message of the last refused write or unreadable store, else null. */
  error = $state<string | null>(null);
  ready = $state(false);

  #storage: KeyValueStorage | null = null;
  #io: ContributionsIo | null = null;
  /** The storage is being loaded: a change now would be overwritten, so it is refused. */
  loading = $state(false);
  #unavailable: string | null = null;

  /** The storage could not be loaded: every change is refused with `reason`. */
  fail(reason: string): void {
    this.#unavailable = reason;
    this.error = reason;
    // Changes shown while waiting for the storage functions can no longer be saved (the message
    // says so); nothing else will be accepted.
    this.#requestIo = null;
    this.#queued = [];
  }
  #newId: () => string;
  #now: () => string;

  constructor(newId: () => string, now: () => string) {
    this.#newId = newId;
    this.#now = now;
  }

  /** Set while the store starts empty without its storage functions: loads them. */
  #requestIo: (() => void) | null = null;
  /** Changes made before the storage functions arrived, saved by `init`. */
  #queued: ((draft: ContributionsStore) => void)[] = [];

  /**
   * Nothing is saved yet: the store is empty at once, and the storage functions (zod) are loaded
   * by `requestIo` later, on the page's first interaction or this state's first change (shown at
   * once, saved when they arrive).
   */
  startEmpty(requestIo: () => void): void {
    this.#requestIo = requestIo;
    this.ready = true;
  }

  /** Reads storage (again, e.g. after another window wrote it). */
  init(storage: KeyValueStorage, io: ContributionsIo): void {
    this.#storage = storage;
    this.#io = io;
    this.#requestIo = null;
    this.loading = false;
    const { store, problem } = io.loadContributions(storage);
    this.store = store;
    this.error = problem;
    this.ready = true;
    const queued = this.#queued;
    this.#queued = [];
    for (const change of queued) this.#commit(change);
  }

  /** Applies `change` to a copy, saves it whole, then shows it; false (and `error`) if refused. */
  #commit(change: (draft: ContributionsStore) => void): boolean {
    if (this.#unavailable) {
      this.error = this.#unavailable;
      return false;
    }
    if (this.loading) {
      this.error =
        this.#unavailable ??
        'Les contributions enregistrées sont en cours de lecture : réessayez dans un instant.';
      return false;
    }
    const draft = structuredClone($state.snapshot(this.store)) as ContributionsStore;
    if (this.#requestIo) {
      // The storage functions arrive within a moment: the change is shown now (so that the next
      // change builds on it) and saved then, or undone with the usual message if refused.
      change(draft);
      this.store = draft;
      this.#queued.push(change);
      this.#requestIo();
      return true;
    }
    change(draft);
    try {
      if (this.#storage && this.#io) this.#io.saveContributions(this.#storage, draft);
    } catch (error) {
      this.error =
        this.#io && error instanceof this.#io.ContributionsStorageError
          ? error.message
          : "Erreur d'enregistrement.";
      return false;
    }
    this.store = draft;
    this.error = null;
    return true;
  }

  setMeeting(meeting: Meeting): boolean {
    return this.#commit((d) => (d.meeting = { date: meeting.date, lieu: meeting.lieu }));
  }

  add(input: { territory: string; column: WorkshopColumn; theme: number; text: string }): boolean {
    const text = input.text.trim();
    if (text === '') return false;
    const c: Contribution = { ...input, text, id: this.#newId(), createdAt: this.#now() };
    return this.#commit((d) => void d.contributions.push(c));
  }

  remove(id: string): boolean {
    return this.#commit((d) => (d.contributions = d.contributions.filter((c) => c.id !== id)));
  }

  votes(territory: string, itemId: string): VoteCount {
    return this.store.votes[`${territory}|${itemId}`] ?? NO_VOTES;
  }

  /** Adds `delta` (+1 / -1) to one count; never below zero. */
  vote(territory: string, itemId: string, kind: VoteKind, delta: 1 | -1): boolean {
    const key = `${territory}|${itemId}`;
    return this.#commit((d) => {
      const cur = { ...(d.votes[key] ?? NO_VOTES) };
      cur[kind] = Math.max(0, cur[kind] + delta);
      d.votes[key] = cur;
    });
  }

  captured(territory: string): Contribution[] {
    return this.store.contributions.filter((c) => c.territory === territory);
  }

  imported(territory: string): ImportedContribution[] {
    return this.store.imported.filter((c) => c.territory === territory);
  }

  /**
   * Adds validated rows of an imported file; a row already imported (same source, territory and
   * text) is skipped. Returns how many were added, or null if the write was refused.
   */
  importRows(rows: readonly ImportedContribution[]): number | null {
    const key = (r: ImportedContribution) => `${r.source}|${r.territory}|${r.text}`;
    const known = this.store.imported.map(key);
    const fresh = rows.filter((r) => !known.includes(key(r)));
    return this.#commit((d) => void d.imported.push(...fresh)) ? fresh.length : null;
  }

  /** Forgets the imported rows of one source (the file can be imported again). */
  removeImported(source: string): boolean {
    return this.#commit((d) => (d.imported = d.imported.filter((r) => r.source !== source)));
  }
}

let shared: ContributionsState | null = null;

/**
 * The browser's one store, loaded from localStorage on first use and kept in step with other
 * windows. Outside a browser (prerendering), an empty store that never saves.
 */
export function getContributions(): ContributionsState {
  if (shared) return shared;
  const state = new ContributionsState(
    () =>
      globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`,
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a timestamp, not state
    () => new Date().toISOString()
  );
  if (typeof window !== 'undefined' && typeof localStorage !== 'undefined') {
    // The reader and its schemas come after the page's first view (their own chunk).
    const read = () =>
      import('$lib/data/contributions-storage').then(
        (io) => {
          try {
            state.init(localStorage, io);
          } catch {
            state.loading = false;
            state.error =
              'Stockage local indisponible : les contributions ne seront pas enregistrées.';
          }
        },
        () =>
          state.fail(
            'Les contributions enregistrées n’ont pas pu être lues et rien ne sera enregistré : rechargez la page.'
          )
      );
    let reading: Promise<void> | null = null;
    const readOnce = () => void (reading ??= read());
    let saved: string | null = '';
    try {
      saved = localStorage.getItem(CONTRIBUTIONS_KEY);
    } catch {
      /* the reader meets the same refusal and reports it */
    }
    if (saved === null) {
      // Nothing saved (the usual case): no reader on the first view; it comes with the first
      // interaction, well before anyone has typed or voted.
      state.startEmpty(readOnce);
      const events = ['pointerdown', 'keydown', 'focusin'] as const;
      const first = () => {
        for (const type of events) window.removeEventListener(type, first, true);
        readOnce();
      };
      for (const type of events) window.addEventListener(type, first, true);
    } else {
      state.loading = true;
      readOnce();
    }
    window.addEventListener('storage', (e) => {
      if (e.key === CONTRIBUTIONS_KEY || e.key === null) void read();
    });
    shared = state;
  }
  return state;
}
