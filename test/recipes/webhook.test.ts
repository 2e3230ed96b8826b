import { describe, expect, it } from 'vitest';
import { RecipeError } from '../../main/recipes/errors.ts';
import { parseRubyJson } from '../../main/recipes/ruby-json.ts';
import { applyWebhook, WEBHOOK_MAX_BYTES } from '../../main/recipes/webhook.ts';

const body = (value: unknown) => JSON.stringify(value);

describe('applyWebhook', () => {
  const current = { sensors: { a: { t: 1, h: 50 } }, log: [1, 2], title: 'old' };

  it('replaces the data by default', () => {
    expect(applyWebhook(current, body({ merge_variables: { title: 'new' } }))).toEqual({ data: { title: 'new' }, strategy: 'replace' });
  });

  it('deep-merges objects and replaces arrays with deep_merge', () => {
    const { data } = applyWebhook(current, body({ merge_strategy: 'deep_merge', merge_variables: { sensors: { a: { t: 2 }, b: { t: 9 } }, log: [3] } }));
    expect(data).toEqual({ sensors: { a: { t: 2, h: 50 }, b: { t: 9 } }, log: [3], title: 'old' });
  });

  it('appends arrays with stream, keeping the newest stream_limit items', () => {
    const { data } = applyWebhook(current, body({ merge_strategy: 'stream', stream_limit: 3, merge_variables: { log: [3, 4], title: 't' } }));
    expect(data).toEqual({ sensors: current.sensors, log: [2, 3, 4], title: 't' });
    expect(applyWebhook({}, body({ merge_variables: { log: [1] } }), { strategy: 'stream', streamLimit: 5 }).data).toEqual({ log: [1] });
  });

  it('keeps floats as floats and a "__proto__" key as plain data', () => {
    const { data } = applyWebhook({}, '{"merge_strategy": "deep_merge", "merge_variables": {"t": 20.0, "__proto__": {"polluted": true}}}');
    expect(String(data.t)).toBe('20.0');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
  });

  it.each([
    ['not JSON', '{"merge_variables": ', 'invalid-webhook', /not JSON/],
    ['a JSON array', '[1, 2]', 'invalid-webhook', /must be a JSON object/],
    ['no merge_variables', body({ data: { a: 1 } }), 'invalid-webhook', /"merge_variables" must be a JSON object/],
    ['merge_variables as a list', body({ merge_variables: [1] }), 'invalid-webhook', /"merge_variables" must be a JSON object/],
    ['an unknown strategy', body({ merge_strategy: 'append', merge_variables: {} }), 'invalid-webhook', /replace, deep_merge or stream/],
    ['a bad stream_limit', body({ merge_strategy: 'stream', stream_limit: -1, merge_variables: {} }), 'invalid-webhook', /stream_limit/],
    ['more than 256 KB', body({ merge_variables: { text: 'x'.repeat(WEBHOOK_MAX_BYTES) } }), 'too-large', /more than the 262144 allowed/],
  ])('refuses %s', (_what, raw, code, message) => {
    const before = JSON.stringify(current);
    let err: unknown;
    try {
      applyWebhook(current, raw);
    } catch (error) {
      err = error;
    }
    expect(err).toBeInstanceOf(RecipeError);
    expect((err as RecipeError).code).toBe(code);
    expect((err as RecipeError).message).toMatch(message);
    expect(JSON.stringify(current)).toBe(before);
  });

  it('refuses a stream that would grow the stored data past 1 MB', () => {
    let data: Record<string, unknown> = {};
    const chunk = body({ merge_strategy: 'stream', merge_variables: { log: Array.from({ length: 20 }, () => 'y'.repeat(10_000)) } });
    expect(() => {
      for (let round = 0; round < 10; round += 1) data = applyWebhook(data, chunk).data;
    }).toThrow(/would grow to \d+ bytes/);
    expect((data.log as unknown[]).length).toBeLessThanOrEqual(100);
    expect(parseRubyJson(JSON.stringify(data))).toEqual(data);
  });
});
