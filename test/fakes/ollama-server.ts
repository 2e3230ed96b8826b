import http from 'node:http';
import { readBody } from './openai-server.ts';
import { listenOnLoopback } from './listen.ts';

export type OllamaMode = 'ok' | 'error' | 'hang' | 'malformed' | 'schema-mismatch';

export interface FakeOllama {
  url: string;
  modes: OllamaMode[];
  /** Models `GET /api/tags` lists and `/api/chat` accepts. */
  models: string[];
  classification: Record<string, unknown>;
  /** What a text-only chat (no images, no format) answers. */
  textAnswer: string;
  requests: { method: string; path: string; body: unknown }[];
  close(): Promise<void>;
}

/**
 * Answers like Ollama: GET /api/tags, POST /api/chat (non-streaming; checks `images` holds base64
 * and `format` a JSON schema), with Ollama's `{"error": "…"}` bodies.
 */
export async function startFakeOllama(): Promise<FakeOllama> {
  const fake = {
    modes: [] as OllamaMode[], models: ['llava:latest'], requests: [] as FakeOllama['requests'],
    classification: { quality: 'VERY_GOOD', content_type: 'Nature', people_count: 0, description: 'Old anchors in the dunes under a blue sky.' },
    textAnswer: 'Rain on the window, soup on the stove: a good day to stay in.',
  };
  const server = http.createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const raw = (await readBody(req)).toString('utf8');
    const body = raw ? JSON.parse(raw) : null;
    fake.requests.push({ method: req.method ?? '', path, body });
    const json = (status: number, value: unknown) => res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(value));
    if (req.method === 'GET' && path === '/api/tags') {
      return json(200, { models: fake.models.map((name) => ({ name, model: name, modified_at: '2024-11-20T10:00:00Z', size: 4_700_000_000, digest: 'sha256:0123', details: { format: 'gguf', family: 'llama', parameter_size: '7B', quantization_level: 'Q4_0' } })) });
    }
    if (req.method !== 'POST' || path !== '/api/chat') return res.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found');
    const mode = fake.modes.shift() ?? 'ok';
    if (mode === 'hang') return;
    if (!fake.models.some((m) => m === body.model || m === `${body.model}:latest`)) return json(404, { error: `model "${body.model}" not found, try pulling it first` });
    if (mode === 'error') return json(500, { error: 'llama runner process has terminated: signal: killed' });
    const user = (body.messages ?? []).find((m: { role: string }) => m.role === 'user');
    if (user && !user.images && body.format === undefined && typeof user.content === 'string') {
      return json(200, { model: body.model, created_at: '2024-11-24T12:00:00.000Z', message: { role: 'assistant', content: fake.textAnswer }, done_reason: 'stop', done: true, total_duration: 900_000_000, eval_count: 20 });
    }
    if (!Array.isArray(user?.images) || !/^[A-Za-z0-9+/=]+$/.test(user.images[0] ?? '')) return json(400, { error: 'illegal base64 data at input byte 0' });
    if (typeof body.format !== 'object' || body.format?.type !== 'object') return json(400, { error: 'invalid format: expected "json" or a JSON schema' });
    const content = mode === 'malformed' ? 'Sure! The photo shows' : JSON.stringify(mode === 'schema-mismatch' ? { ...fake.classification, content_type: 'Spaceship' } : fake.classification);
    json(200, {
      model: body.model, created_at: '2024-11-24T12:00:00.000Z', message: { role: 'assistant', content },
      done_reason: 'stop', done: true, total_duration: 5_000_000_000, load_duration: 1_000_000, prompt_eval_count: 600, eval_count: 40,
    });
  });
  const { origin, close } = await listenOnLoopback(server);
  return Object.assign(fake, {
    url: origin,
    close,
  });
}
