/**
 * The page's side of a request/reply module worker, with the main thread as fallback: one worker
 * per client, created on first use; each request gets a fresh `id`, which the worker's reply
 * carries back. A request resolves to `null` when the page must do the work itself: no workers in
 * this browser, a worker that cannot start or fails (then no worker again for the page), or one
 * that stays silent past the timeout (its late reply is ignored).
 */

export interface WorkerClientOptions {
  /**
   * Creates the worker. The caller writes `new Worker(new URL('./x.worker.ts',
   * import.meta.url), { type: 'module' })` literally: Vite bundles workers from that pattern only.
   */
  create: () => Worker;
  /** What the worker needs besides `Worker` (`OffscreenCanvas`…); checked once. */
  available?: () => boolean;
  /** Longest wait for one reply, ms, before that request goes back to the main thread. */
  timeoutMs: number;
}

export interface WorkerClient<Req, Reply> {
  /** The worker's reply to `payload` (posted with its `id`), or `null`: do it on the main thread. */
  request(payload: Req): Promise<Reply | null>;
  /** Test seam: another worker factory, and forget the current worker. */
  setFactory(create: () => Worker): void;
}

export function createWorkerClient<Req extends object, Reply extends { id: number }>(
  options: WorkerClientOptions
): WorkerClient<Req, Reply> {
  let create = options.create;
  // undefined: not tried yet; null: the main thread, for good.
  let worker: Worker | null | undefined;
  let nextId = 1;
  const waiting = new Map<number, (reply: Reply | null) => void>();

  function getWorker(): Worker | null {
    if (worker !== undefined) return worker;
    worker = null;
    if (typeof Worker === 'undefined' || options.available?.() === false) return null;
    try {
      const w = create();
      w.onmessage = (e: MessageEvent<Reply>) => waiting.get(e.data.id)?.(e.data);
      // A worker that cannot run (blocked script, missing API) hands every request back.
      w.onerror = () => {
        w.terminate();
        if (worker === w) worker = null;
        for (const settle of [...waiting.values()]) settle(null);
      };
      worker = w;
    } catch {
      worker = null;
    }
    return worker;
  }

  return {
    request(payload) {
      const w = getWorker();
      if (!w) return Promise.resolve(null);
      const id = nextId++;
      return new Promise((resolve) => {
        const settle = (reply: Reply | null) => {
          if (!waiting.delete(id)) return;
          clearTimeout(timer);
          resolve(reply);
        };
        // A worker that never answers (stalled start) must not leave the page waiting.
        const timer = setTimeout(() => settle(null), options.timeoutMs);
        waiting.set(id, settle);
        try {
          w.postMessage({ ...payload, id });
        } catch (error) {
          // A message the worker cannot receive (not cloneable) is the caller's error: it rejects.
          waiting.delete(id);
          clearTimeout(timer);
          throw error;
        }
      });
    },
    setFactory(factory) {
      create = factory;
      worker = undefined;
    }
  };
}
