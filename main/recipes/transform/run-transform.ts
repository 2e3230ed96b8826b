/**
 * trmnlp's transform hook: `function run(input) { return output }` (may be async) over the
 * recipe's data. Each run gets its own worker thread with V8 heap limits, a vm context without
 * Node's APIs (sandbox-source.ts) and a time limit; a worker that overruns is terminated. A
 * hostile transform fails its screen with a RecipeError and leaves the server as it was.
 * Node's vm in a worker rather than isolated-vm: no native build to ship, and the worker's heap
 * limit and termination give the isolation a transform needs.
 */
import { Worker } from 'node:worker_threads';
import { RecipeError } from '../errors.ts';
import { generateRubyJson, parseRubyJson } from '../ruby-json.ts';
import { SANDBOX_SOURCE } from './sandbox-source.ts';

export interface TransformLimits {
  timeoutMs: number;
  memoryMb: number;
}

export const DEFAULT_TRANSFORM_LIMITS: TransformLimits = { timeoutMs: 2_000, memoryMb: 64 };

/** Starting a worker thread takes time the code itself must not be charged for (a busy machine: seconds). */
const WORKER_START_LIMIT_MS = 15_000;
const MAX_OUTPUT_CHARS = 5 * 1024 * 1024;

interface SandboxReply {
  ok: boolean;
  json?: unknown;
  message?: string;
}

function failure(message: string): RecipeError {
  return new RecipeError('transform-failed', `transform.js: ${message}`);
}

function describeWorkerError(err: Error & { code?: string }, limits: TransformLimits): string {
  if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') return `used more than its ${limits.memoryMb} MB of memory`;
  return err.message;
}

export function runTransform(code: string, input: unknown, limits: TransformLimits = DEFAULT_TRANSFORM_LIMITS): Promise<unknown> {
  const worker = new Worker(SANDBOX_SOURCE, {
    eval: true,
    workerData: { code, inputJson: generateRubyJson(input), timeoutMs: limits.timeoutMs, maxBufferBytes: limits.memoryMb * 1024 * 1024 },
    resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: Math.min(16, limits.memoryMb), stackSizeMb: 4 },
    env: {},
    stdout: true,
    stderr: true,
    argv: [],
    execArgv: [],
  });
  worker.stdout.resume();
  worker.stderr.resume();
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const overrun = () => finish(() => reject(failure(`did not finish within ${limits.timeoutMs} ms`)));
    let timer = setTimeout(() => finish(() => reject(failure('the sandbox did not start'))), WORKER_START_LIMIT_MS);
    worker.once('online', () => {
      clearTimeout(timer);
      timer = setTimeout(overrun, limits.timeoutMs);
    });
    worker.on('message', (reply: SandboxReply) => finish(() => {
      if (!reply.ok) return reject(failure(/Script execution timed out/.test(reply.message ?? '') ? `did not finish within ${limits.timeoutMs} ms` : reply.message ?? 'failed'));
      if (typeof reply.json !== 'string' || reply.json.length > MAX_OUTPUT_CHARS) return reject(failure(`run(input) returned more than ${MAX_OUTPUT_CHARS} characters of data`));
      try {
        resolve(parseRubyJson(reply.json));
      } catch (err) {
        reject(failure(`run(input) returned data that is not JSON: ${(err as Error).message}`));
      }
    }));
    worker.on('error', (err: Error & { code?: string }) => finish(() => reject(failure(describeWorkerError(err, limits)))));
    worker.on('exit', (exitCode) => finish(() => reject(failure(`stopped (exit code ${exitCode}) before returning data`))));
  });
}
