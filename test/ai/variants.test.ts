import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILTIN_FILTERS } from '../../main/ai/variants/filters/index.ts';
import { createGenerateVariantsJob, generateVariantsJob } from '../../main/library/jobs/generate-variants.ts';
import { VariantEntity } from '../../main/storage/entities/photo.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/openai-server.ts';
import { startFakeSdWebUi, type FakeSdWebUi } from '../fakes/sd-webui-server.ts';
import { seededRandom } from '../library/seed-library.ts';
import { createTestApp, jobRun, type TestApp } from '../library/test-app.ts';
import { STYLE_FIXTURES, renderReferences } from './builtin-styles.ts';
import { everything, importSamples } from './library-samples.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

const artVariants = async () => (await t.app.db.getRepository(VariantEntity).find({ order: { id: 'ASC' } })).filter((v) => v.style !== 'photo');
const quickJob = createGenerateVariantsJob({ timeoutMs: 1_500, rng: seededRandom(5) });
const params = (p: Record<string, unknown> = {}) => generateVariantsJob.params.parse(p);

// SQLite only: its subject is the AI providers (1.5 s stand-in timeouts); the photo and variant stores run on PostgreSQL in test/library/.
describe('generate_variants with the built-in filters (no provider configured)', () => {
  it('makes real, distinct images, one per photo in a run, in styles the filters cover', async () => {
    const photos = await importSamples(t.app, 3);
    const { run, lines } = jobRun(t.app, params({ max_amount: 10 }));
    const result = await generateVariantsJob.run(run);

    expect(result.summary).toBe('made 3 variant(s)');
    const variants = await artVariants();
    expect(variants.map((v) => v.photoId).sort()).toEqual(photos.map((p) => p.id).sort());
    for (const v of variants) {
      expect(Object.keys(BUILTIN_FILTERS)).toContain(v.style);
      expect(v.provider).toBe('builtin');
      expect(JSON.parse(v.generationContext!)).toEqual({ provider: 'builtin', filter: v.style });
      const meta = await sharp(path.join(t.dataDir, v.filePath)).metadata();
      expect(meta.format).toBe('png');
    }
    expect(new Set(variants.map((v) => v.contentHash)).size).toBe(3);
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('does not make a style twice for a photo, and skips when every suited style is done', async () => {
    await importSamples(t.app, 1);
    for (let i = 0; i < 5; i++) await generateVariantsJob.run(jobRun(t.app, params()).run);
    const styles = (await artVariants()).map((v) => v.style);
    expect(new Set(styles).size).toBe(5);
    expect((await generateVariantsJob.run(jobRun(t.app, params()).run)).status).toBe('skipped');
  });

  it('renders every built-in style as its own look, matching the reference renders in test/fixtures', async () => {
    const renders = await renderReferences();
    const names = [...renders.keys()];
    expect(names.length).toBeGreaterThanOrEqual(5);
    for (const [name, { rgb }] of renders) {
      const { data: reference } = await sharp(path.join(STYLE_FIXTURES, `${name}.png`)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      expect(meanDifference(rgb, reference), name).toBeLessThan(12);
      for (const other of names.filter((n) => n !== name)) expect(meanDifference(rgb, renders.get(other)!.rgb), `${name} vs ${other}`).toBeGreaterThan(30);
    }
  });

  it('uses art_style_override for every photo, and refuses an unknown style as a bad param', async () => {
    await importSamples(t.app, 2);
    await generateVariantsJob.run(jobRun(t.app, params({ art_style_override: 'woodcut' })).run);
    expect((await artVariants()).map((v) => v.style)).toEqual(['woodcut', 'woodcut']);
    const parsed = generateVariantsJob.params.safeParse({ art_style_override: 'cubism' });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0].message).toMatch(/unknown art style "cubism"; the catalogue has ink-sketch, woodcut/);
  });

  it('says clearly when the built-in filters cannot render the override style', async () => {
    await importSamples(t.app, 1);
    await expect(generateVariantsJob.run(jobRun(t.app, params({ art_style_override: 'watercolour' })).run)).rejects.toThrow(/the builtin provider cannot render "watercolour"; styles it can: ink-sketch, woodcut/);
  });
});

describe('generate_variants with an OpenAI-compatible image edit API', () => {
  let fake: FakeOpenAi;
  beforeEach(async () => {
    fake = await startFakeOpenAi();
    await t.app.settings.set('ai.variants.provider', 'openai');
    await t.app.settings.set('ai.openai.base_url', fake.url);
    await t.app.settings.set('ai.openai.api_key', fake.apiKey);
  });
  afterEach(async () => fake.close());

  it('posts the photo as multipart and stores the returned image with its prompt', async () => {
    await importSamples(t.app, 1);
    await quickJob.run(jobRun(t.app, params({ art_style_override: 'watercolour' })).run);
    const [variant] = await artVariants();
    expect(variant).toMatchObject({ style: 'watercolour', provider: 'openai' });
    const context = JSON.parse(variant.generationContext!);
    expect(context).toMatchObject({ provider: 'openai', model: 'gpt-image-1', size: '1536x1024' });
    expect(context.prompt).toMatch(/^Paint this photo as a watercolour/);
    const request = fake.requests.find((r) => r.path === '/v1/images/edits')!;
    expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const fields = request.body as Record<string, string | { name: string; type: string; bytes: Buffer }>;
    expect(fields).toMatchObject({ model: 'gpt-image-1', n: '1', size: '1536x1024', image: { name: 'photo.png', type: 'image/png' } });
    expect(fields.response_format).toBeUndefined();
    expect((await sharp((fields.image as { bytes: Buffer }).bytes).metadata()).width).toBe(1536);
    expect((await sharp(path.join(t.dataDir, variant.filePath)).metadata()).format).toBe('png');
  });

  it('fails only the item on an error body, a timeout or an answer that is not an image', async () => {
    await importSamples(t.app, 4);
    fake.modes.push('error', 'not-an-image', 'hang', 'ok');
    const { run, lines } = jobRun(t.app, params({ max_amount: 4, art_style_override: 'ukiyo-e' }));
    const result = await quickJob.run(run);
    expect(result.summary).toBe('made 1 variant(s), 3 failed');
    const errors = lines.filter((l) => l.level === 'error').map((l) => l.message);
    expect(errors[0]).toMatch(/ukiyo-e variant failed: OpenAI image edit \(gpt-image-1\): HTTP 429: You exceeded your current quota/);
    expect(errors[1]).toMatch(/the returned data is not a usable image/);
    expect(errors[2]).toMatch(/no answer within 1.5 s/);
    expect(await artVariants()).toHaveLength(1);
    expect(fs.readdirSync(path.join(t.dataDir, 'photos', 'variants'))).toHaveLength(5); // 4 plain + 1 art: nothing half-stored
    expect(everything(lines, result, t.appLogs)).not.toContain(fake.apiKey);
  });
});

describe('generate_variants with Stable Diffusion WebUI', () => {
  let fake: FakeSdWebUi;
  beforeEach(async () => {
    fake = await startFakeSdWebUi('inkstand:s3cret-pass');
    await t.app.settings.set('ai.variants.provider', 'sd-webui');
    await t.app.settings.set('ai.sd-webui.base_url', fake.url);
    await t.app.settings.set('ai.sd-webui.api_key', 'inkstand:s3cret-pass');
  });
  afterEach(async () => fake.close());

  it('sends init_images, prompt and denoising strength with Basic auth, and stores the image with the seed used', async () => {
    await importSamples(t.app, 1);
    await quickJob.run(jobRun(t.app, params({ art_style_override: 'impressionist' })).run);
    const [variant] = await artVariants();
    expect(variant).toMatchObject({ style: 'impressionist', provider: 'sd-webui' });
    const context = JSON.parse(variant.generationContext!);
    expect(context).toMatchObject({ provider: 'sd-webui', seed: 1234567, denoising_strength: 0.55, width: 1024, height: 616 });
    const request = fake.requests.find((r) => r.path === '/sdapi/v1/img2img')!;
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from('inkstand:s3cret-pass').toString('base64')}`);
    const body = request.body as { init_images: string[]; prompt: string; denoising_strength: number };
    expect(body.prompt).toMatch(/impressionist oil painting/);
    expect((await sharp(Buffer.from(body.init_images[0], 'base64')).metadata()).format).toBe('png');
  });

  it('fails only the item on a WebUI error, a non-image or a timeout', async () => {
    await importSamples(t.app, 4);
    fake.modes.push('error', 'not-an-image', 'hang', 'ok');
    const { run, lines } = jobRun(t.app, params({ max_amount: 4, art_style_override: 'pointillism' }));
    expect((await quickJob.run(run)).summary).toBe('made 1 variant(s), 3 failed');
    const errors = lines.filter((l) => l.level === 'error').map((l) => l.message);
    expect(errors[0]).toMatch(/Stable Diffusion WebUI: HTTP 500: OutOfMemoryError: CUDA out of memory/);
    expect(errors[1]).toMatch(/not a usable image/);
    expect(errors[2]).toMatch(/no answer within 1.5 s/);
    expect(everything(lines, t.appLogs)).not.toContain('s3cret-pass');
  });

  it('reports a wrong password as the WebUI says it', async () => {
    await importSamples(t.app, 1);
    await t.app.settings.set('ai.sd-webui.api_key', 'inkstand:wrong');
    await expect(quickJob.run(jobRun(t.app, params({ art_style_override: 'pointillism' })).run)).rejects.toThrow(/HTTP 401: Incorrect username or password/);
  });
});

function meanDifference(a: Buffer, b: Buffer): number {
  expect(a.length).toBe(b.length);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
  return sum / a.length;
}
