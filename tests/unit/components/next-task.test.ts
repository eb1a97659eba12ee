import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextTask, taskBoundary } from '../../../src/lib/components/next-task';

afterEach(() => {
  vi.useRealTimers();
});

describe('nextTask', () => {
  it('runs in a later task, unless cancelled first', () => {
    vi.useFakeTimers();
    const ran: string[] = [];
    nextTask(() => ran.push('kept'));
    const cancel = nextTask(() => ran.push('cancelled'));
    cancel();
    expect(ran).toEqual([]);
    vi.runAllTimers();
    expect(ran).toEqual(['kept']);
  });
});

describe('taskBoundary', () => {
  it('resolves after a task, not after the current microtasks', async () => {
    vi.useFakeTimers();
    let resolved = false;
    void taskBoundary().then(() => (resolved = true));
    await Promise.resolve();
    await Promise.resolve();
    expect(resolved).toBe(false);
    await vi.runAllTimersAsync();
    expect(resolved).toBe(true);
  });
});
