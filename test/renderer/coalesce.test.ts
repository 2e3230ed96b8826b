import { describe, expect, it } from 'vitest';
import { coalesced } from '../../renderer/lib/coalesce.ts';

/** A task whose runs end when the test says so. */
function controlledTask() {
  const ends: (() => void)[] = [];
  let runs = 0;
  const task = coalesced(() => {
    runs++;
    return new Promise<void>((resolve) => ends.push(resolve));
  });
  return { task, runs: () => runs, endNext: () => ends.shift()!() };
}

describe('coalesced', () => {
  it('runs once for a burst of calls during a run, after it', async () => {
    const { task, runs, endNext } = controlledTask();
    const first = task();
    const burst = Array.from({ length: 10 }, () => task());
    expect(runs()).toBe(1);
    endNext();
    await first;
    await new Promise((r) => setTimeout(r, 0));
    expect(runs()).toBe(2);
    endNext();
    await Promise.all(burst);
    expect(runs()).toBe(2);
  });

  it('runs again for a call after the last run ended', async () => {
    const { task, runs, endNext } = controlledTask();
    const first = task();
    endNext();
    await first;
    const second = task();
    endNext();
    await second;
    expect(runs()).toBe(2);
  });

  it('runs the queued call even when the running one failed, and reports the failure to its own callers only', async () => {
    let attempt = 0;
    const task = coalesced(async () => {
      attempt++;
      if (attempt === 1) throw new Error('server busy');
    });
    const first = task();
    const queued = task();
    await expect(first).rejects.toThrow('server busy');
    await expect(queued).resolves.toBeUndefined();
    expect(attempt).toBe(2);
  });
});
