/**
 * Runs name placements in a worker (labels.worker.ts) when the browser can measure text there, on
 * the main thread otherwise. One worker for the page, created on first use.
 */
import { createWorkerClient } from '../../data/worker-client';
import {
  placeFirstFit,
  type LabelInput,
  type Measure,
  type PlaceOptions,
  type Placement
} from '../scheme/labels';

export interface LabelJob {
  id: number;
  attempts: LabelInput[][];
  options: Omit<PlaceOptions, 'measure'>;
}
export interface LabelReply {
  id: number;
  placement: Placement;
}

/** Longest wait for the worker's answer before placing on the main thread, ms. */
const WORKER_TIMEOUT_MS = 4000;

const client = createWorkerClient<Omit<LabelJob, 'id'>, LabelReply>({
  create: () => new Worker(new URL('./labels.worker.ts', import.meta.url), { type: 'module' }),
  // The worker measures text in an OffscreenCanvas.
  available: () => typeof OffscreenCanvas !== 'undefined',
  // A worker that never answers (stalled start) must not leave the map without names.
  timeoutMs: WORKER_TIMEOUT_MS
});

/**
 * The placement of the first attempt whose names all fit (see `placeFirstFit`), made in the
 * worker when possible; `measure` serves the main-thread fallback.
 */
export async function placeNamesAsync(
  attempts: LabelInput[][],
  options: Omit<PlaceOptions, 'measure'>,
  measure: Measure
): Promise<Placement> {
  const reply = await client.request({ attempts, options });
  if (reply) return reply.placement;
  // In a task of its own, not in the caller's.
  return new Promise((done) =>
    setTimeout(() => done(placeFirstFit(attempts, { ...options, measure })))
  );
}
