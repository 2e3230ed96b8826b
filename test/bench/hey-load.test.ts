import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { heyArgs, parseHeySummary } from '../../bench/hey-load.ts';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '../fixtures/bench', name), 'utf8');

describe('hey as the benchmark load generator', () => {
  it('reads the percentiles, the slowest answer and the rate from a summary hey printed', () => {
    const result = parseHeySummary(fixture('hey-304.txt'));
    expect(result.latency).toEqual({ p50: 1.2, p99: 8.1, max: 8.1 });
    expect(result.requests.average).toBeCloseTo(99.45, 2);
    expect(result.non304).toBe(0);
    expect(result.errors).toBe(0);
  });

  it('counts answers other than 304 and failed requests', () => {
    const withA200 = fixture('hey-304.txt').replace('[304]\t100 responses', '[200]\t3 responses\n  [304]\t97 responses');
    expect(parseHeySummary(withA200).non304).toBe(3);
    expect(parseHeySummary(fixture('hey-refused.txt')).errors).toBe(6);
  });

  it('splits the rate between the connections and sends the display headers on each', () => {
    const args = heyArgs('http://127.0.0.1:1/api/display/state', { authorization: 'Token t', 'if-none-match': '"e"' }, 10, 5000, 50);
    expect(args.join(' ')).toBe('hey -z 10s -c 50 -q 100 -cpus 1 -H authorization: Token t -H if-none-match: "e" http://127.0.0.1:1/api/display/state');
  });
});
