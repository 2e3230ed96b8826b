/**
 * Data pushed to a webhook recipe (`POST /api/custom_plugins/<uuid>`): a JSON body
 * `{"merge_variables": {…}, "merge_strategy": "replace"|"deep_merge"|"stream", "stream_limit": n}`
 * of at most 256 KB (TRMNL allows 2 KB). A body of another shape is refused and changes nothing.
 */
import { RecipeError } from './errors.ts';
import { generateRubyJson, parseRubyJson } from './ruby-json.ts';

export const WEBHOOK_MAX_BYTES = 256 * 1024;
/** What a screen may accumulate through deep_merge and stream. */
export const WEBHOOK_MAX_STORED_BYTES = 1024 * 1024;

export type MergeStrategy = 'replace' | 'deep_merge' | 'stream';
const STRATEGIES: MergeStrategy[] = ['replace', 'deep_merge', 'stream'];

type Data = Record<string, unknown>;

function isPlainObject(value: unknown): value is Data {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/** Defines rather than assigns, so a "__proto__" key is data like any other. */
function setOwn(target: Data, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function deepMerge(current: Data, update: Data): Data {
  const merged: Data = { ...current };
  for (const [key, value] of Object.entries(update)) {
    const existing = Object.hasOwn(merged, key) ? merged[key] : undefined;
    setOwn(merged, key, isPlainObject(value) && isPlainObject(existing) ? deepMerge(existing, value) : value);
  }
  return merged;
}

/** stream: arrays are appended to, keeping the newest `limit` items; other values replace. */
function stream(current: Data, update: Data, limit: number | undefined): Data {
  const merged: Data = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (!Array.isArray(value)) {
      setOwn(merged, key, value);
      continue;
    }
    const existing = Object.hasOwn(merged, key) ? merged[key] : undefined;
    const appended = [...(Array.isArray(existing) ? existing : []), ...value];
    setOwn(merged, key, limit === undefined ? appended : appended.slice(Math.max(0, appended.length - limit)));
  }
  return merged;
}

export interface WebhookResult {
  data: Data;
  strategy: MergeStrategy;
}

/**
 * The screen's data after a webhook POST. `body` is the raw request body; `defaults` the
 * strategy and stream limit used when the body names none.
 */
export function applyWebhook(current: Data, body: string | Uint8Array, defaults: { strategy?: MergeStrategy; streamLimit?: number } = {}): WebhookResult {
  const bytes = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
  if (bytes > WEBHOOK_MAX_BYTES) throw new RecipeError('too-large', `the webhook body is ${bytes} bytes, more than the ${WEBHOOK_MAX_BYTES} allowed`);
  let parsed: unknown;
  try {
    parsed = parseRubyJson(typeof body === 'string' ? body : Buffer.from(body).toString('utf8'));
  } catch (err) {
    throw new RecipeError('invalid-webhook', `the webhook body is not JSON: ${(err as Error).message}`);
  }
  if (!isPlainObject(parsed)) throw new RecipeError('invalid-webhook', 'the webhook body must be a JSON object with "merge_variables"');
  const variables = parsed.merge_variables;
  if (!isPlainObject(variables)) throw new RecipeError('invalid-webhook', '"merge_variables" must be a JSON object');
  const strategyText = parsed.merge_strategy ?? defaults.strategy ?? 'replace';
  if (!STRATEGIES.includes(strategyText as MergeStrategy)) throw new RecipeError('invalid-webhook', `"merge_strategy" must be replace, deep_merge or stream (got ${JSON.stringify(strategyText)})`);
  const strategy = strategyText as MergeStrategy;
  const limitValue = parsed.stream_limit ?? defaults.streamLimit;
  const limit = limitValue === undefined ? undefined : Number(limitValue);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new RecipeError('invalid-webhook', '"stream_limit" must be a whole number of at least 1');
  const data = strategy === 'replace' ? variables : strategy === 'deep_merge' ? deepMerge(current, variables) : stream(current, variables, limit);
  const stored = Buffer.byteLength(generateRubyJson(data));
  if (stored > WEBHOOK_MAX_STORED_BYTES) throw new RecipeError('too-large', `the screen's data would grow to ${stored} bytes, more than the ${WEBHOOK_MAX_STORED_BYTES} kept`);
  return { data, strategy };
}
