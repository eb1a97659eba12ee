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

/** An open page of build a, with build b installed and waiting. */
async function startedPage(): Promise<AppUpdate> {
  const update = new AppUpdate('a', '/data/meta.json');
  await update.start();
  expect(update.available).toBe(true);
  return update;
}

describe('AppUpdate.reload (« recharger »)', () => {
  it('asks the waiting worker to take over, and reloads once it is active', async () => {
    const update = await startedPage();
    update.reload();
    expect(waiting.posted).toContainEqual({ type: 'atlas-plh:skip-waiting' });
    expect(reload).not.toHaveBeenCalled();
    waiting.to('activated');
    expect(reload).toHaveBeenCalled();
  });

  it('does not reload while the new worker activates (it deletes the old cache), however long', async () => {
    const update = await startedPage();
    update.reload();
    waiting.to('activating');
    await vi.advanceTimersByTimeAsync(HANDOVER_TIMEOUT_MS * 2);
    expect(reload).not.toHaveBeenCalled();
    waiting.to('activated');
    expect(reload).toHaveBeenCalled();
  });

  it('reloads when the new worker takes control (controllerchange)', async () => {
    const update = await startedPage();
    update.reload();
    container.dispatchEvent(new Event('controllerchange'));
    expect(reload).toHaveBeenCalled();
  });

  it('reloads the old build, whole, when the new worker fails or never answers', async () => {
    let update = await startedPage();
    update.reload();
    waiting.to('redundant');
    expect(reload).toHaveBeenCalledTimes(1);

    update.stop();
    reload.mockClear();
    waiting = new FakeWorker();
    const registration = Object.assign(new EventTarget(), { waiting, installing: null });
    container.ready = Promise.resolve(registration);
    update = await startedPage();
    update.reload();
    await vi.advanceTimersByTimeAsync(HANDOVER_TIMEOUT_MS - 1);
    expect(reload).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
