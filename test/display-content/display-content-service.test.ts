import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { AppEvents } from '../../main/core/events.ts';
import { DisplayContentService } from '../../main/display-content/display-content-service.ts';
import { withEtag, type DisplayState } from '../../main/display-content/display-state.ts';
import type { DecideOptions, RotationPolicy } from '../../main/display-content/rotation-policy.ts';

/** A policy that answers a new picture for every decision and remembers what it was asked. */
function countingPolicy() {
  const decisions: DecideOptions[] = [];
  let drawn = 0;
  const policy = {
    async decide(displayId: number, now: Date, options: DecideOptions): Promise<{ state: DisplayState; variantId: number | null }> {
      decisions.push(options);
      const version = `v${++drawn}`;
      const state = withEtag({
        displayId, humanId: 'frame-1', mode: 'photo', screen: null, version, panelImageId: drawn, producedAt: now,
        filePath: `/tmp/${version}.png`, pollIntervalS: 60, nextChangeAt: null, restUntil: null, override: null,
        profileId: 'waveshare-7.5-v2', palette: ['#000000', '#ffffff'], width: 800, height: 480,
      });
      return { state, variantId: null };
    },
  };
  return { decisions, policy: policy as unknown as RotationPolicy };
}

function serviceWith(policy: RotationPolicy): { service: DisplayContentService; events: AppEvents } {
  const events = new AppEvents();
  const service = new DisplayContentService({
    policy, events, log: pino({ level: 'silent' }), now: () => new Date(),
    displays: { approved: async () => [] }, picker: { variantFile: async () => null },
  });
  return { service, events };
}

describe('display content recomputations', () => {
  it("makes an action's step and the invalidation its own write caused one computation, with the step", async () => {
    const { decisions, policy } = countingPolicy();
    const { service, events } = serviceWith(policy);
    const { etag } = await service.current(1);
    decisions.length = 0;

    const long = service.waitForChange(1, etag, 5000);
    await new Promise((r) => setImmediate(r));
    events.emit('displays-changed', { displayId: 1 });
    const stepped = await service.recompute(1, { freshDashboard: true });
    const woken = await long;
    expect(decisions).toEqual([{ freshDashboard: true }]);
    expect(woken.version).toBe(stepped.version);
  });

  it('lets a plain recomputation join one waiting its turn', async () => {
    const { decisions, policy } = countingPolicy();
    const { service } = serviceWith(policy);
    const [next, plain] = await Promise.all([service.recompute(1, { photo: 'next' }), service.recompute(1)]);
    expect(decisions).toEqual([{ photo: 'next' }]);
    expect(plain.version).toBe(next.version);
  });

  it('takes every step of two presses, one after the other', async () => {
    const { decisions, policy } = countingPolicy();
    const { service } = serviceWith(policy);
    const [first, second] = await Promise.all([service.recompute(1, { photo: 'next' }), service.recompute(1, { photo: 'next' })]);
    expect(decisions).toEqual([{ photo: 'next' }, { photo: 'next' }]);
    expect(second.version).not.toBe(first.version);
  });

  it('computes again for a request made once the waiting one has started', async () => {
    const { decisions, policy } = countingPolicy();
    const { service } = serviceWith(policy);
    await service.recompute(1);
    await service.recompute(1);
    expect(decisions).toEqual([{}, {}]);
  });
});

describe('library changes', () => {
  /** Display 1 shows variant 7; display 2 is in photo mode with nothing to show (an empty library). */
  function photoDisplays() {
    const events = new AppEvents();
    const decided: number[] = [];
    const lookedUp: number[] = [];
    let drawn = 0;
    const policy = {
      async decide(displayId: number, now: Date): Promise<{ state: DisplayState; variantId: number | null }> {
        decided.push(displayId);
        const version = `v${++drawn}`;
        const state = withEtag({
          displayId, humanId: `frame-${displayId}`, mode: 'photo', screen: null, version, panelImageId: drawn, producedAt: now,
          filePath: `/tmp/${version}.png`, pollIntervalS: 60, nextChangeAt: null, restUntil: null, override: null,
          profileId: 'waveshare-7.5-v2', palette: ['#000000', '#ffffff'], width: 800, height: 480,
        });
        return { state, variantId: displayId === 1 ? 7 : null };
      },
    } as unknown as RotationPolicy;
    const service = new DisplayContentService({
      policy, events, log: pino({ level: 'silent' }), now: () => new Date(), displays: { approved: async () => [] },
      picker: { variantFile: async (variantId: number) => (lookedUp.push(variantId), '/data/photos/variants/x.jpg') },
    });
    return { service, events, decided, lookedUp };
  }

  it('on an addition, looks up no variant on screen, and a display with nothing to show draws again', async () => {
    const { service, events, decided, lookedUp } = photoDisplays();
    service.start();
    try {
      await Promise.all([service.current(1), service.current(2)]);
      decided.length = 0;
      events.emit('photos-changed', { added: true });
      await Promise.all([service.current(1), service.current(2)]);
      expect(decided).toEqual([2]);
      expect(lookedUp).toEqual([]);

      events.emit('photos-changed', {});
      await vi.waitFor(() => expect(lookedUp).toEqual([7]));
    } finally {
      service.stop();
    }
  });
});
