import http from 'node:http';
import sharp from 'sharp';
import { listenOnLoopback } from './listen.ts';

/** How the fake answers the next chat or image call. */
export type OpenAiMode = 'ok' | 'error' | 'hang' | 'malformed' | 'schema-mismatch' | 'not-an-image';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** JSON bodies parsed; multipart bodies as their fields (files as { name, type, size, bytes }). */
  body: unknown;
}

export interface FakeOpenAi {
  /** Use as `ai.openai.base_url` (it ends in /v1 like the real one). */
  url: string;
  apiKey: string;
  /** Modes for the next calls, in order; 'ok' once used up. */
  modes: OpenAiMode[];
  /** What a successful classification answers. */
  classification: Record<string, unknown>;
  /** What a text-only chat (no image, no response format) answers. */
  textAnswer: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const ERROR_BODY = { error: { message: 'You exceeded your current quota, please check your plan and billing details.', type: 'insufficient_quota', param: null, code: 'insufficient_quota' } };

/**
 * Answers like api.openai.com/v1: GET /models, POST /chat/completions (checks the image_url data
 * URL and json_schema response format) and POST /images/edits (multipart; answers b64_json), with
 * OpenAI's error bodies. Requests without the right Bearer key get OpenAI's 401.
 */
export async function startFakeOpenAi(apiKey = 'sk-test-fake-key-123456'): Promise<FakeOpenAi> {
  const fake = { apiKey, modes: [] as OpenAiMode[], requests: [] as RecordedRequest[], classification: { quality: 'GOOD', content_type: 'Landscape', people_count: 0, description: 'Rusty anchors on a sandy beach.' }, textAnswer: 'Autumn leaves drift down, the kettle sings, the day begins.' };
  const server = http.createServer(async (req, res) => {
    const raw = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const body = await parseBody(req, raw);
    fake.requests.push({ method: req.method ?? '', path, headers: req.headers, body });
    const json = (status: number, value: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    if (req.headers.authorization !== `Bearer ${fake.apiKey}`) {
      return json(401, { error: { message: `Incorrect API key provided: ${String(req.headers.authorization).slice(7, 12)}***. You can find your API key at https://platform.openai.com/account/api-keys.`, type: 'invalid_request_error', param: null, code: 'invalid_api_key' } });
    }
    if (req.method === 'GET' && path === '/v1/models') {
      return json(200, { object: 'list', data: [{ id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'system' }, { id: 'gpt-image-1', object: 'model', created: 1745517030, owned_by: 'system' }] });
    }
    const mode = fake.modes.shift() ?? 'ok';
    if (mode === 'hang') return;
    if (mode === 'error') return json(429, ERROR_BODY);
    if (req.method === 'POST' && path === '/v1/chat/completions' && isTextChat(body)) {
      return json(200, {
        id: 'chatcmpl-fake-text', object: 'chat.completion', created: 1732400000, model: (body as { model: string }).model,
        choices: [{ index: 0, message: { role: 'assistant', content: fake.textAnswer, refusal: null }, logprobs: null, finish_reason: 'stop' }],
        usage: { prompt_tokens: 40, completion_tokens: 15, total_tokens: 55 },
      });
    }
    if (req.method === 'POST' && path === '/v1/chat/completions') {
      const problem = chatRequestProblem(body);
      if (problem) return json(400, { error: { message: problem, type: 'invalid_request_error', param: null, code: null } });
      const content = mode === 'malformed' ? '{"quality": "GOOD", "content_type": ' : JSON.stringify(mode === 'schema-mismatch' ? { ...fake.classification, quality: 'AMAZING' } : fake.classification);
      return json(200, {
        id: 'chatcmpl-fake', object: 'chat.completion', created: 1732400000, model: (body as { model: string }).model,
        choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: 'stop' }],
        usage: { prompt_tokens: 300, completion_tokens: 30, total_tokens: 330 },
      });
    }
    if (req.method === 'POST' && path === '/v1/images/edits') {
      const fields = body as Record<string, FormValue>;
      const image = fields.image;
      if (!fields.model || !fields.prompt || typeof image !== 'object') {
        return json(400, { error: { message: "Missing required parameter: 'image'.", type: 'invalid_request_error', param: 'image', code: 'missing_required_parameter' } });
      }
      const png = mode === 'not-an-image' ? Buffer.from('<html>this is not an image</html>') : await sharp(image.bytes).negate({ alpha: false }).png().toBuffer();
      return json(200, { created: 1732400000, data: [{ b64_json: png.toString('base64') }], usage: { total_tokens: 100, input_tokens: 50, output_tokens: 50 } });
    }
    json(404, { error: { message: `Invalid URL (${req.method} ${path})`, type: 'invalid_request_error', param: null, code: null } });
  });
  const { origin, close } = await listenOnLoopback(server);
  return Object.assign(fake, {
    url: `${origin}/v1`,
    close,
  });
}

/** A plain text chat: a model, string messages, no response format. */
function isTextChat(body: unknown): boolean {
  const b = body as { model?: string; messages?: { content: unknown }[]; response_format?: unknown };
  return Boolean(b?.model) && !b.response_format && Array.isArray(b.messages) && b.messages.length > 0 && b.messages.every((m) => typeof m.content === 'string');
}

/** What the real API would refuse: no model, no image_url data URL, no json_schema response format. */
function chatRequestProblem(body: unknown): string | null {
  const b = body as { model?: string; messages?: { content: unknown }[]; response_format?: { type?: string; json_schema?: { name?: string; schema?: unknown } } };
  if (!b?.model) return "you must provide a model parameter";
  const parts = (b.messages ?? []).flatMap((m) => (Array.isArray(m.content) ? m.content : []));
  const image = parts.find((p: { type?: string }) => p.type === 'image_url') as { image_url?: { url?: string } } | undefined;
  if (!image?.image_url?.url?.startsWith('data:image/jpeg;base64,')) return 'Invalid image_url: expected a data URL';
  if (b.response_format?.type !== 'json_schema' || !b.response_format.json_schema?.name || !b.response_format.json_schema.schema) return "Missing required parameter: 'response_format.json_schema'.";
  return null;
}

type FormValue = string | { name: string; type: string; size: number; bytes: Buffer };

async function parseBody(req: http.IncomingMessage, raw: Buffer): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': type } }).formData();
    const fields: Record<string, FormValue> = {};
    for (const [key, value] of form) {
      fields[key] = typeof value === 'string' ? value : { name: value.name, type: value.type, size: value.size, bytes: Buffer.from(await value.arrayBuffer()) };
    }
    return fields;
  }
  try {
    return raw.length ? JSON.parse(raw.toString('utf8')) : null;
  } catch {
    return raw.toString('utf8');
  }
}

export async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
