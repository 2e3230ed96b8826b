import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPhoto } from '../../main/library/import.ts';
import { classifyJob, createClassifyJob } from '../../main/library/jobs/classify.ts';
import { PhotoEntity } from '../../main/storage/entities/photo.ts';
import { startFakeOllama, type FakeOllama } from '../fakes/ollama-server.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/openai-server.ts';
import { createTestApp, jobRun, type TestApp } from '../library/test-app.ts';
import { everything, importSamples } from './library-samples.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

const photos = () => t.app.db.getRepository(PhotoEntity).find({ order: { id: 'ASC' } });
const quickJob = createClassifyJob({ timeoutMs: 1_000 });

// SQLite only: its subject is the AI providers (1.5 s stand-in timeouts); the photo and variant stores run on PostgreSQL in test/library/.
describe('classify with the built-in analyser (no provider configured)', () => {
  it('classifies offline: quality from the measures, content type Other, orientation, description', async () => {
    const [sharpPhoto] = await importSamples(t.app, 1);
    const blurred = await sharp((await import('node:fs')).readFileSync(`${import.meta.dirname}/../fixtures/library/beach.jpg`)).blur(6).jpeg().toBuffer();
    const { photo: blurredPhoto } = await importPhoto(t.app, { buffer: blurred, originalName: 'blurred.jpg' });
    const { run, lines } = jobRun(t.app, classifyJob.params.parse({}));
    const result = await classifyJob.run(run);

    expect(result.summary).toBe('classified 2 of 2 photo(s)');
    const [a, b] = await photos();
    expect(a).toMatchObject({ id: sharpPhoto.id, classifier: 'builtin', contentType: 'Other', orientation: 'landscape', peopleCount: null });
    expect(['GOOD', 'VERY_GOOD']).toContain(a.quality);
    expect(b.id).toBe(blurredPhoto.id);
    expect(['BAD', 'PASSABLE']).toContain(b.quality);
    expect(b.description).toMatch(/blurred/i);
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);
    expect((await classifyJob.run(jobRun(t.app, classifyJob.params.parse({})).run)).status).toBe('skipped');
  });

  it('takes at most max_num_to_classify photos, newest first', async () => {
    await importSamples(t.app, 3);
    await classifyJob.run(jobRun(t.app, classifyJob.params.parse({ max_num_to_classify: '2' })).run);
    expect((await photos()).map((p) => p.classifier)).toEqual([null, 'builtin', 'builtin']);
  });
});

describe('classify with an OpenAI-compatible API', () => {
  let fake: FakeOpenAi;
  beforeEach(async () => {
    fake = await startFakeOpenAi();
    await t.app.settings.set('ai.classify.provider', 'openai');
    await t.app.settings.set('ai.openai.base_url', fake.url);
    await t.app.settings.set('ai.openai.model', 'gpt-4o-mini');
    await t.app.settings.set('ai.openai.api_key', fake.apiKey);
  });
  afterEach(async () => fake.close());

  it('sends the image as a data URL with a JSON-schema answer format and stores the answer', async () => {
    await importSamples(t.app, 1);
    const { run } = jobRun(t.app, quickJob.params.parse({}));
    await quickJob.run(run);

    const [photo] = await photos();
    expect(photo).toMatchObject({ quality: 'GOOD', contentType: 'Landscape', peopleCount: 0, description: 'Rusty anchors on a sandy beach.', classifier: 'openai:gpt-4o-mini', orientation: 'landscape' });
    const request = fake.requests.find((r) => r.path === '/v1/chat/completions')!;
    expect(request.headers.authorization).toBe(`Bearer ${fake.apiKey}`);
    const body = request.body as { model: string; messages: { role: string; content: unknown }[]; response_format: { type: string; json_schema: { strict: boolean; schema: { required: string[] } } } };
    expect(body.model).toBe('gpt-4o-mini');
    expect(body.response_format.type).toBe('json_schema');
    expect(body.response_format.json_schema.strict).toBe(true);
    expect(body.response_format.json_schema.schema.required).toEqual(['quality', 'content_type', 'people_count', 'description']);
    const user = body.messages.find((m) => m.role === 'user')!.content as { type: string; image_url?: { url: string } }[];
    const dataUrl = user.find((p) => p.type === 'image_url')!.image_url!.url;
    const sent = await sharp(Buffer.from(dataUrl.replace('data:image/jpeg;base64,', ''), 'base64')).metadata();
    expect(sent.format).toBe('jpeg');
  });

  it('fails only the photo whose call fails (HTTP error, malformed JSON, schema mismatch, timeout), with a clear log line', async () => {
    await importSamples(t.app, 5);
    fake.modes.push('error', 'malformed', 'schema-mismatch', 'hang', 'ok');
    const { run, lines } = jobRun(t.app, quickJob.params.parse({}));
    const result = await quickJob.run(run);

    expect(result.summary).toBe('classified 1 of 5 photo(s), 4 failed');
    const errors = lines.filter((l) => l.level === 'error').map((l) => l.message);
    expect(errors).toHaveLength(4);
    expect(errors[0]).toMatch(/^photo 5 \(sample-4\.jpg\) not classified: OpenAI chat \(gpt-4o-mini\): HTTP 429: You exceeded your current quota.* insufficient_quota/);
    expect(errors[1]).toMatch(/the model's answer is not JSON/);
    expect(errors[2]).toMatch(/does not match the schema \(quality: /);
    expect(errors[3]).toMatch(/no answer within 1 s/);
    expect((await photos()).filter((p) => p.classifiedAt !== null).map((p) => p.id)).toEqual([1]);
    expect(everything(lines, result, t.appLogs)).not.toContain(fake.apiKey);
  });

  it('fails the job when no photo could be classified (e.g. a wrong key), without echoing the key', async () => {
    await importSamples(t.app, 2);
    await t.app.settings.set('ai.openai.api_key', 'sk-wrong-key-999999');
    const { run, lines } = jobRun(t.app, quickJob.params.parse({}));
    const error = await quickJob.run(run).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/no photo could be classified; first error: .*HTTP 401: Incorrect API key provided/);
    expect(everything(lines, (error as Error).message)).not.toContain('sk-wrong-key-999999');
  });
});

describe('classify with Ollama', () => {
  let fake: FakeOllama;
  beforeEach(async () => {
    fake = await startFakeOllama();
    await t.app.settings.set('ai.classify.provider', 'ollama');
    await t.app.settings.set('ai.ollama.base_url', fake.url);
    await t.app.settings.set('ai.ollama.model', 'llava');
  });
  afterEach(async () => fake.close());

  it('sends images as base64 with a JSON-schema format and stores the answer', async () => {
    await importSamples(t.app, 1);
    await quickJob.run(jobRun(t.app, quickJob.params.parse({})).run);
    const [photo] = await photos();
    expect(photo).toMatchObject({ quality: 'VERY_GOOD', contentType: 'Nature', classifier: 'ollama:llava' });
    const body = fake.requests.find((r) => r.path === '/api/chat')!.body as { model: string; stream: boolean; format: { type: string }; messages: { role: string; images?: string[] }[] };
    expect(body).toMatchObject({ model: 'llava', stream: false, format: { type: 'object' } });
    const image = body.messages.find((m) => m.role === 'user')!.images![0];
    expect((await sharp(Buffer.from(image, 'base64')).metadata()).format).toBe('jpeg');
  });

  it('fails only the failing photos with Ollama\'s error text', async () => {
    await importSamples(t.app, 4);
    fake.modes.push('error', 'malformed', 'schema-mismatch', 'ok');
    const { run, lines } = jobRun(t.app, quickJob.params.parse({}));
    expect((await quickJob.run(run)).summary).toBe('classified 1 of 4 photo(s), 3 failed');
    const errors = lines.filter((l) => l.level === 'error').map((l) => l.message);
    expect(errors[0]).toMatch(/Ollama \(llava\): HTTP 500: llama runner process has terminated/);
    expect(errors[1]).toMatch(/not JSON \(Sure! The photo shows\)/);
    expect(errors[2]).toMatch(/content_type: /);
  });

  it('names a model that is not pulled', async () => {
    await importSamples(t.app, 1);
    await t.app.settings.set('ai.ollama.model', 'bakllava');
    await expect(quickJob.run(jobRun(t.app, quickJob.params.parse({})).run)).rejects.toThrow(/HTTP 404: model "bakllava" not found, try pulling it first/);
  });
});
