import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWorkerClient } from '../../../src/lib/data/worker-client';

interface Job {
  n: number;
}
interface Reply {
  id: number;
  double: number;
}

/** A Worker that keeps what it is sent and answers when told to. */
class FakeWorker {
  onmessage: ((e: MessageEvent<Reply>) => void) | null = null;
  onerror: (() => void) | null = null;
  posted: (Job & { id: number })[] = [];
  terminated = false;
  postMessage(message: Job & { id: number }) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  /** Answers the message posted `index`-th (from 0). */
  answer(index: number) {
    const { id, n } = this.posted[index]!;
    this.onmessage?.({ data: { id, double: 2 * n } } as MessageEvent<Reply>);
  }
  fail() {
    this.onerror?.();
  }
}

const TIMEOUT_MS = 1000;
let created: FakeWorker[];
const factory = vi.fn(() => {
  const w = new FakeWorker();
  created.push(w);
  return w as unknown as Worker;
});
const client = (available?: () => boolean) =>
  createWorkerClient<Job, Reply>({ create: factory, available, timeoutMs: TIMEOUT_MS });

/** The promise's value so far ('pending' until it settles). */
function watch<T>(p: Promise<T>): { value: T | 'pending' } {
  const state: { value: T | 'pending' } = { value: 'pending' };
  void p.then((v) => (state.value = v));
  return state;
}

beforeEach(() => {
  created = [];
  factory.mockClear();
  vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('createWorkerClient', () => {
  it('creates the worker on the first request only, and delivers its answer', async () => {
    const c = client();
    expect(factory).not.toHaveBeenCalled();
    const pending = c.request({ n: 21 });
    const w = created[0]!;
    expect(w.posted).toEqual([{ n: 21, id: 1 }]);
    w.answer(0);
    expect(await pending).toEqual({ id: 1, double: 42 });
    const next = c.request({ n: 5 });
    w.answer(1);
    expect(await next).toEqual({ id: 2, double: 10 });
    expect(factory).toHaveBeenCalledTimes(1);
  });

  it('matches concurrent requests to their answers by id', async () => {
    const c = client();
    const pending = [1, 2, 3].map((n) => c.request({ n }));
    const w = created[0]!;
    expect(w.posted.map((m) => m.id)).toEqual([1, 2, 3]);
    for (const i of [2, 0, 1]) w.answer(i);
    expect(await Promise.all(pending)).toEqual([
      { id: 1, double: 2 },
      { id: 2, double: 4 },
      { id: 3, double: 6 }
    ]);
  });

  it.each([
    { when: 'no Worker global', setup: () => vi.stubGlobal('Worker', undefined), tries: 0 },
    { when: 'available() says no', available: () => false, tries: 0 },
    {
      when: 'the factory throws',
      setup: () =>
        factory.mockImplementationOnce(() => {
          throw new Error('blocked');
        }),
      tries: 1
    }
  ])('$when: null (the main thread), for good', async ({ setup, available, tries }) => {
    setup?.();
    const c = client(available);
    expect(await c.request({ n: 1 })).toBeNull();
    expect(await c.request({ n: 2 })).toBeNull();
    expect(factory).toHaveBeenCalledTimes(tries);
  });

  it('a worker error hands every waiting request back, and the main thread does the rest', async () => {
    const c = client();
    const pending = [c.request({ n: 1 }), c.request({ n: 2 })];
    const w = created[0]!;
    w.fail();
    expect(await Promise.all(pending)).toEqual([null, null]);
    expect(w.terminated).toBe(true);
    expect(await c.request({ n: 3 })).toBeNull();
    expect(factory).toHaveBeenCalledTimes(1);
    expect(w.posted).toHaveLength(2);
  });

  it('a silent worker: null after the timeout, its late answer ignored, ids not reused', async () => {
    vi.useFakeTimers();
    const c = client();
    const first = watch(c.request({ n: 1 }));
    const w = created[0]!;
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS - 1);
    expect(first.value).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(first.value).toBeNull();
    w.answer(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(first.value).toBeNull();
    // The worker stays: the next request goes to it, under a new id.
    const second = c.request({ n: 2 });
    expect(w.posted[1]?.id).toBe(2);
    w.answer(1);
    expect(await second).toEqual({ id: 2, double: 4 });
    expect(w.terminated).toBe(false);
  });

  it('setFactory forgets the worker; ids go on', async () => {
    const c = client();
    const first = c.request({ n: 1 });
    created[0]!.answer(0);
    await first;
    const other = new FakeWorker();
    c.setFactory(() => other as unknown as Worker);
    const second = c.request({ n: 2 });
    expect(other.posted).toEqual([{ n: 2, id: 2 }]);
    other.answer(0);
    expect(await second).toEqual({ id: 2, double: 4 });
  });

  it('a message that cannot be posted rejects the request', async () => {
    const w = new FakeWorker();
    w.postMessage = () => {
      throw new DOMException('not cloneable', 'DataCloneError');
    };
    const c = client();
    c.setFactory(() => w as unknown as Worker);
    await expect(c.request({ n: 1 })).rejects.toThrow('not cloneable');
  });
});
