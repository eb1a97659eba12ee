/**
 * The page's side of `slides.worker.ts`: a sequence's slides and map, loaded and validated in a
 * worker so the page never evaluates zod (a long task on a slow machine). Without workers, or
 * when the worker fails or stays silent, the same loader runs on the page: the slides still show.
 * One worker per page, created on first use.
 */
import { errorFromWire, type WireError } from './app-data-error';
import type { loadDeck } from './slides';
import { createWorkerClient } from './worker-client';

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

/** Creates a worker (a seam for the unit tests). */
export type WorkerFactory = () => Worker;

const client = createWorkerClient<Omit<DeckRequest, 'id'>, DeckReply>({
  create: () => new Worker(new URL('./slides.worker.ts', import.meta.url), { type: 'module' }),
  timeoutMs: WORKER_TIMEOUT_MS
});

/** Test seam: another worker factory, and forget the current worker. */
export function setWorkerFactory(factory: WorkerFactory): void {
  client.setFactory(factory);
}

async function onPage(codes: string[], base: string): Promise<Deck> {
  const { loadDeck } = await import('./slides');
  return loadDeck(fetch, codes, base);
}

/**
 * The slides of `codes`, in order, and the slides' map, as `loadDeck` gives them; its errors too
 * (an `AppDataError` naming the file and field, a network `TypeError`).
 */
export async function loadDeckOffThread(codes: string[], base: string): Promise<Deck> {
  const reply = await client.request({ codes, base, page: location.href });
  if (reply === null) return onPage(codes, base);
  if (reply.ok) return reply.deck;
  throw errorFromWire(reply.error);
}
