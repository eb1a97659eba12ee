import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  afterIslands,
  cancelIsland,
  enqueueIsland,
  whenIslandsHydrated
} from '$lib/components/island/islands';

describe('islands queue', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.runAllTimers();
    vi.useRealTimers();
  });

  it('hydrates one island per task, by order then page order', () => {
    const ran: string[] = [];
    enqueueIsland(() => ran.push('map'), 1);
    enqueueIsland(() => ran.push('controls'));
    enqueueIsland(() => ran.push('table'));
    expect(ran).toEqual([]);
    vi.advanceTimersToNextTimer();
    expect(ran).toEqual(['controls']);
    vi.advanceTimersToNextTimer();
    expect(ran).toEqual(['controls', 'table']);
    vi.advanceTimersToNextTimer();
    expect(ran).toEqual(['controls', 'table', 'map']);
  });

  it('resolves the wait once every queued island has hydrated, even if one throws', async () => {
    const ran: string[] = [];
    let settled = false;
    enqueueIsland(() => {
      throw new Error('island failed');
    });
    enqueueIsland(() => ran.push('second'));
    const wait = whenIslandsHydrated().then(() => (settled = true));
    expect(() => vi.advanceTimersToNextTimer()).toThrow('island failed');
    await Promise.resolve();
    expect(settled).toBe(false);
    vi.advanceTimersToNextTimer();
    await wait;
    expect(ran).toEqual(['second']);
    expect(settled).toBe(true);
  });

  it('a cancelled island never runs and does not hold the wait', async () => {
    const ran: string[] = [];
    const job = () => ran.push('left');
    enqueueIsland(job);
    cancelIsland(job);
    await whenIslandsHydrated();
    vi.runAllTimers();
    expect(ran).toEqual([]);
  });

  it('with no island waiting, the wait resolves at once', async () => {
    await expect(whenIslandsHydrated()).resolves.toBeUndefined();
  });

  it('afterIslands applies once the islands have hydrated, not after its cancel', async () => {
    const applied: string[] = [];
    enqueueIsland(() => undefined);
    afterIslands(() => applied.push('kept'));
    const cancel = afterIslands(() => applied.push('left'));
    cancel();
    await Promise.resolve();
    expect(applied).toEqual([]);
    vi.advanceTimersToNextTimer();
    await whenIslandsHydrated();
    await Promise.resolve();
    expect(applied).toEqual(['kept']);
  });
});
