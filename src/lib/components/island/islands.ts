/**
 * Islands: parts of a prerendered page that hydrate after the page itself, one per task.
 *
 * Svelte hydrates a page in one go: on a slow device, that single task blocks input for hundreds
 * of milliseconds. An island's markup is prerendered with the page, but the page's hydration
 * leaves it alone; each island hydrates in its own later task, so the browser can paint and
 * answer input between them.
 *
 * Hydration adopts the prerendered markup as it is (Svelte repairs text and attributes, not
 * `{@html}` blocks): an island must hydrate with the state it was prerendered with. So pages
 * apply what only the browser knows (URL parameters) once `whenIslandsHydrated()` resolves, their
 * inputs (forms, filters) are islands too, and those come after the islands that show what the
 * inputs change (a higher `order`): nothing can change a view before it has hydrated.
 *
 * `<html data-islands>` is « pending » from the prerendered page (app.html) until no island waits
 * any more, then « hydrated »: the page answers input everywhere.
 */

import type { Component } from 'svelte';
import type { IslandDefer } from './deferred';

/**
 * What `<Island>` takes: the component, its props (read as they change), its `order`, and
 * `defer` for an island that waits until it is needed (deferred.ts).
 */
export interface IslandProps<Props extends Record<string, unknown>> {
  component: Component<Props>;
  props: Props;
  /** Islands of a lower order hydrate first (default 0). */
  order?: number;
  /**
   * Hydrates when the island nears the viewport or gets input (`visible`), before printing
   * (`print`), or never (`static`: markup without behaviour), not in the queue: such an island
   * never holds `whenIslandsHydrated()` back. Its props must follow from the page's path (its
   * data): they are not read until it hydrates, or mounts afresh after a client-side move.
   */
  defer?: IslandDefer;
}

type Job = () => void;

interface Queued {
  job: Job;
  order: number;
}

const queue: Queued[] = [];
let scheduled = false;
let pending = 0;
let waiters: Array<() => void> = [];

function mark(state: 'pending' | 'hydrated'): void {
  if (typeof document !== 'undefined') document.documentElement.dataset.islands = state;
}

// `pending` counts the queued islands and the one hydrating: 0 means none waits.
function settle(): void {
  if (pending > 0) return;
  mark('hydrated');
  // For `npm run bench`: where a link that switches to MapLibre spends its time.
  if (typeof performance !== 'undefined') performance.mark('atlas-islands-hydrated');
  const ready = waiters;
  waiters = [];
  for (const resolve of ready) resolve();
}

function run(): void {
  scheduled = false;
  const next = queue.shift();
  // An island that fails must not hold back the others: they go on, then its error is thrown.
  let failure: { error: unknown } | null = null;
  if (next) {
    try {
      next.job();
    } catch (error) {
      failure = { error };
    } finally {
      pending -= 1;
    }
  }
  if (queue.length > 0) schedule();
  else settle();
  if (failure) throw failure.error;
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  // A macrotask: the browser may paint and handle input between two islands.
  setTimeout(run, 0);
}

/**
 * Queues an island's hydration. Islands hydrate by `order`, then in the order they were created
 * (page order): a heavy island the others do not wait for (the map) can come last.
 */
export function enqueueIsland(job: Job, order = 0): void {
  pending += 1;
  mark('pending');
  const at = queue.findIndex((q) => q.order > order);
  queue.splice(at < 0 ? queue.length : at, 0, { job, order });
  schedule();
}

/** Forgets a queued island (its page was left before it hydrated). */
export function cancelIsland(job: Job): void {
  const i = queue.findIndex((q) => q.job === job);
  if (i < 0) return;
  queue.splice(i, 1);
  pending -= 1;
  settle();
}

/** Resolves once every island created so far has hydrated (at once if none is waiting). */
export function whenIslandsHydrated(): Promise<void> {
  if (pending === 0) return Promise.resolve();
  return new Promise((resolve) => waiters.push(resolve));
}

/**
 * Runs `apply` once every island has hydrated, unless the returned function is called first (a
 * page's `onMount` cleanup: the page was left meanwhile). For what only the browser knows (the
 * URL), applied to views that have adopted their prerendered state.
 */
export function afterIslands(apply: () => void): () => void {
  let live = true;
  void whenIslandsHydrated().then(() => {
    if (live) apply();
  });
  return () => {
    live = false;
  };
}
