/**
 * Runs name placements in a worker (labels.worker.ts) when the browser can measure text there, on
 * the main thread otherwise. One worker for the page, created on first use.
 */
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

let worker: Worker | null | undefined;
let nextId = 1;
const waiting = new Map<number, (p: Placement) => void>();

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  worker = null;
  if (typeof Worker === 'undefined' || typeof OffscreenCanvas === 'undefined') return null;
  try {
    const w = new Worker(new URL('./labels.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<LabelReply>) => {
      waiting.get(e.data.id)?.(e.data.placement);
      waiting.delete(e.data.id);
    };
    // A worker that fails (blocked script, no OffscreenCanvas 2D) hands its jobs back.
    w.onerror = () => {
      worker = null;
      const jobs = [...waiting.values()];
      waiting.clear();
      for (const done of jobs) done(FAILED);
    };
    worker = w;
  } catch {
    worker = null;
  }
  return worker;
}

/** Longest wait for the worker's answer before placing on the main thread, ms. */
const WORKER_TIMEOUT_MS = 4000;

/** Marks a placement the worker could not make (then made on the main thread). */
const FAILED: Placement = { placed: [], dropped: [] };

/**
 * The placement of the first attempt whose names all fit (see `placeFirstFit`), made in the
 * worker when possible; `measure` serves the main-thread fallback.
 */
export function placeNamesAsync(
  attempts: LabelInput[][],
  options: Omit<PlaceOptions, 'measure'>,
  measure: Measure
): Promise<Placement> {
  const onMain = () => placeFirstFit(attempts, { ...options, measure });
  const w = getWorker();
  if (!w) return new Promise((done) => setTimeout(() => done(onMain())));
  const id = nextId++;
  return new Promise<Placement>((done) => {
    let answered = false;
    const finish = (p: Placement) => {
      if (answered) return;
      answered = true;
      clearTimeout(timer);
      done(p === FAILED ? onMain() : p);
    };
    // A worker that never answers (stalled start) must not leave the map without names.
    const timer = setTimeout(() => {
      waiting.delete(id);
      finish(FAILED);
    }, WORKER_TIMEOUT_MS);
    waiting.set(id, finish);
    const job: LabelJob = { id, attempts, options };
    w.postMessage(job);
  });
}
