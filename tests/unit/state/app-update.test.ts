import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppUpdate, HANDOVER_TIMEOUT_MS } from '../../../src/lib/state/app-update.svelte';

/** A service worker as the page sees it: its state and the messages it was sent. */
class FakeWorker extends EventTarget {
  state: ServiceWorkerState = 'installed';
  readonly posted: unknown[] = [];
  postMessage(message: unknown, ports?: MessagePort[]) {
    this.posted.push(message);
    // As the worker does for a check: current build, a newer one deployed.
    ports?.[0]?.postMessage({ current: 'a', latest: 'b', changed: true });
  }
  to(state: ServiceWorkerState) {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}

let waiting: FakeWorker;
let container: EventTarget & { controller: FakeWorker | null; ready: Promise<unknown> };
const reload = vi.fn();

beforeEach(() => {
  vi.useFakeTimers();
  reload.mockClear();
  waiting = new FakeWorker();
  const registration = Object.assign(new EventTarget(), { waiting, installing: null });
  container = Object.assign(new EventTarget(), {
    controller: new FakeWorker(),
    ready: Promise.resolve(registration)
  });
  vi.stubGlobal('navigator', { serviceWorker: container });
  vi.stubGlobal('window', Object.assign(new EventTarget(), { location: { reload } }));
  vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }));
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** « Recharger » pressed on an open page of build a, with build b installed and waiting. */
async function pressRecharger(): Promise<void> {
  const update = new AppUpdate('a', '/data/meta.json');
  await update.start();
  expect(update.available).toBe(true);
  update.reload();
}

describe('AppUpdate.reload (« recharger »)', () => {
  it('asks the waiting worker to take over, waits while it activates (it deletes the old cache), however long, then reloads', async () => {
    await pressRecharger();
    expect(waiting.posted).toContainEqual({ type: 'atlas-plh:skip-waiting' });
    waiting.to('activating');
    await vi.advanceTimersByTimeAsync(HANDOVER_TIMEOUT_MS * 2);
    expect(reload).not.toHaveBeenCalled();
    waiting.to('activated');
    expect(reload).toHaveBeenCalled();
  });

  it('reloads when the new worker takes control (controllerchange)', async () => {
    await pressRecharger();
    container.dispatchEvent(new Event('controllerchange'));
    expect(reload).toHaveBeenCalled();
  });

  it('reloads the old build, whole, when the new worker fails', async () => {
    await pressRecharger();
    waiting.to('redundant');
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('reloads the old build, whole, when the new worker never answers', async () => {
    await pressRecharger();
    await vi.advanceTimersByTimeAsync(HANDOVER_TIMEOUT_MS - 1);
    expect(reload).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
