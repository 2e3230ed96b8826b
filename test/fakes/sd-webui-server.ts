import http from 'node:http';
import sharp from 'sharp';
import { readBody } from './openai-server.ts';
import { listenOnLoopback } from './listen.ts';

export type SdWebUiMode = 'ok' | 'error' | 'hang' | 'not-an-image';

export interface FakeSdWebUi {
  url: string;
  modes: SdWebUiMode[];
  /** `--api-auth` user:password; null = no auth. */
  auth: string | null;
  requests: { method: string; path: string; headers: http.IncomingHttpHeaders; body: unknown }[];
  close(): Promise<void>;
}

/**
 * Answers like AUTOMATIC1111's Stable Diffusion WebUI API: GET /sdapi/v1/sd-models and
 * POST /sdapi/v1/img2img (`{images: [base64], parameters, info}`), with FastAPI's 422
 * `{"detail": [...]}` for a bad body, `{"detail": "Not authenticated"}` for missing auth and the
 * WebUI's `{"error", "detail", "body", "errors"}` for a failure.
 */
export async function startFakeSdWebUi(auth: string | null = null): Promise<FakeSdWebUi> {
  const fake = { modes: [] as SdWebUiMode[], auth, requests: [] as FakeSdWebUi['requests'] };
  const server = http.createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const raw = (await readBody(req)).toString('utf8');
    const body = raw ? JSON.parse(raw) : null;
    fake.requests.push({ method: req.method ?? '', path, headers: req.headers, body });
    const json = (status: number, value: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    if (fake.auth && req.headers.authorization !== `Basic ${Buffer.from(fake.auth).toString('base64')}`) {
      return res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Basic' }).end(JSON.stringify({ detail: 'Incorrect username or password' }));
    }
    if (req.method === 'GET' && path === '/sdapi/v1/sd-models') {
      return json(200, [{ title: 'v1-5-pruned-emaonly.safetensors [6ce0161689]', model_name: 'v1-5-pruned-emaonly', hash: '6ce0161689', sha256: '6ce0161689b3853acaa03779ec93eafe75a02f4ced659bee03f50797806fa2fa', filename: '/models/Stable-diffusion/v1-5-pruned-emaonly.safetensors', config: null }]);
    }
    if (req.method !== 'POST' || path !== '/sdapi/v1/img2img') return json(404, { detail: 'Not Found' });
    const missing = ['init_images', 'prompt'].filter((field) => body?.[field] === undefined);
    if (missing.length || !Array.isArray(body.init_images)) {
      return json(422, { detail: missing.map((field) => ({ loc: ['body', field], msg: 'field required', type: 'value_error.missing' })) });
    }
    const mode = fake.modes.shift() ?? 'ok';
    if (mode === 'hang') return;
    if (mode === 'error') return json(500, { error: 'OutOfMemoryError', detail: '', body: '', errors: 'CUDA out of memory. Tried to allocate 2.00 GiB' });
    const init = Buffer.from(body.init_images[0], 'base64');
    const output = mode === 'not-an-image' ? Buffer.from('not a png at all') : await sharp(init).modulate({ hue: 180 }).png().toBuffer();
    const { init_images: _images, ...parameters } = body;
    json(200, { images: [output.toString('base64')], parameters, info: JSON.stringify({ prompt: body.prompt, seed: 1234567, sampler_name: 'Euler a', denoising_strength: body.denoising_strength }) });
  });
  const { origin, close } = await listenOnLoopback(server);
  return Object.assign(fake, {
    url: origin,
    close,
  });
}
