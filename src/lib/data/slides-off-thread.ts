/**
 * The page's side of `slides.worker.ts`: a sequence's slides and map, loaded and validated in a
 * worker so the page never evaluates zod (a long task on a slow machine). Without workers, or
 * when the worker fails or stays silent, the same loader runs on the page: the slides still show.
 * One worker per page, created on first use.
 */
import { errorFromWire, type WireError } from './app-data-error';
import type { loadDeck } from './slides';

export type Deck = Awaited<ReturnType<typeof loadDeck>>;

export interface DeckRequest {
  id: number;
  codes: string[];
  base: string;
  /** The page's URL: the worker resolves the data paths against it. */
  page: string;
}

export type DeckReply =
  { id: number; ok: true; deck: Deck } | { id: number; ok: false; error: WireError };

/** Longest wait for the worker before loading on the page, ms (a stalled worker start). */
export const WORKER_TIMEOUT_MS = 20_000;

type Settle = (reply: DeckReply | null) => void;

let worker: Worker | null | undefined;
let nextId = 1;
const waiting = new Map<number, Settle>();

/** Creates a worker (a seam for the unit tests). */
export type WorkerFactory = () => Worker;
let createWorker: WorkerFactory = () =>
  new Worker(new URL('./slides.worker.ts', import.meta.url), { type: 'module' });

/** Test seam: another worker factory, and forget the current worker. */
export function setWorkerFactory(factory: WorkerFactory): void {
  createWorker = factory;
  worker = undefined;
}

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  worker = null;
  if (typeof Worker === 'undefined') return null;
  try {
    const w = createWorker();
    w.onmessage = (e: MessageEvent<DeckReply>) => {
      waiting.get(e.data.id)?.(e.data);
    };
    // A worker that cannot run (blocked script) hands its requests back to the page, for good.
    w.onerror = () => {
      w.terminate();
      worker = null;
      for (const settle of [...waiting.values()]) settle(null);
    };
    worker = w;
  } catch {
    worker = null;
  }
  return worker;
}

async function onPage(codes: string[], base: string): Promise<Deck> {
  const { loadDeck } = await import('./slides');
  return loadDeck(fetch, codes, base);
}

/**
 * The slides of `codes`, in order, and the slides' map, as `loadDeck` gives them; its errors too
 * (an `AppDataError` naming the file and field, a network `TypeError`).
 */
export function loadDeckOffThread(codes: string[], base: string): Promise<Deck> {
  const w = getWorker();
  if (!w) return onPage(codes, base);
  const id = nextId++;
  return new Promise<Deck>((resolve, reject) => {
    const settle: Settle = (reply) => {
      if (!waiting.has(id)) return;
      waiting.delete(id);
      clearTimeout(timer);
      if (reply === null) onPage(codes, base).then(resolve, reject);
      else if (reply.ok) resolve(reply.deck);
      else reject(errorFromWire(reply.error));
    };
    const timer = setTimeout(() => settle(null), WORKER_TIMEOUT_MS);
    waiting.set(id, settle);
    const request: DeckRequest = { id, codes, base, page: location.href };
    w.postMessage(request);
  });
}
