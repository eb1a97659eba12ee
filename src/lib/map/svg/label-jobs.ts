/**
 * Runs name placements in a worker (labels.worker.ts) when the browser can measure text there, on
 * the main thread otherwise. One worker for the page, created on first use.
 */
import { createWorkerClient } from '../../data/worker-client';
import { pageFacesReady } from '../../fonts/browser';
import { FONT_FILES } from '../../fonts/files';
import type { FontFile } from '../../fonts/typography';
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
  /** The page's face, which the worker loads to measure (it does not see the page's CSS). */
  fonts: readonly FontFile[];
}
export interface LabelReply {
  id: number;
  /** Null when the worker could not load the page's face: the page places the names. */
  placement: Placement | null;
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
  const reply = await client.request({ attempts, options, fonts: FONT_FILES });
  if (reply?.placement) return reply.placement;
  // Measured in the page's face, in a task of its own, not in the caller's.
  await pageFacesReady();
  return new Promise((done) =>
    setTimeout(() => done(placeFirstFit(attempts, { ...options, measure })))
  );
}
