import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testProviderConnection } from '../../main/ai/test-connection.ts';
import { startFakeOllama } from '../fakes/ollama-server.ts';
import { startFakeOpenAi } from '../fakes/openai-server.ts';
import { startFakeSdWebUi } from '../fakes/sd-webui-server.ts';
import { createTestApp, type TestApp } from '../library/test-app.ts';
import { testDatabases, useFreshDatabases } from '../helpers/test-databases.ts';

describe.each(testDatabases('provider connection tests'))('provider connection tests (%s)', (database) => {
  const freshDatabase = useFreshDatabases(database);

  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ databaseUrl: await freshDatabase() });
  });
  afterEach(async () => t.close());

  describe('testProviderConnection', () => {
    it('needs nothing for the built-in provider', async () => {
      expect(await testProviderConnection(t.app, 'builtin')).toMatchObject({ ok: true });
    });

    it('OpenAI: lists models with the key, and reports a wrong key without echoing it', async () => {
      const fake = await startFakeOpenAi();
      try {
        await t.app.settings.set('ai.openai.base_url', fake.url);
        await t.app.settings.set('ai.openai.api_key', fake.apiKey);
        expect(await testProviderConnection(t.app, 'openai')).toEqual({ ok: true, message: `connected to ${new URL(fake.url).origin}: 2 model(s)` });
        await t.app.settings.set('ai.openai.api_key', 'sk-not-the-right-one-0000');
        const wrong = await testProviderConnection(t.app, 'openai');
        expect(wrong.ok).toBe(false);
        expect(wrong.message).toMatch(/^OpenAI: HTTP 401: Incorrect API key provided/);
        expect(wrong.message).not.toContain('sk-not-the-right-one-0000');
      } finally {
        await fake.close();
      }
    });

    it('Ollama: checks the model is pulled', async () => {
      const fake = await startFakeOllama();
      try {
        await t.app.settings.set('ai.ollama.base_url', fake.url);
        expect(await testProviderConnection(t.app, 'ollama')).toMatchObject({ ok: true, message: expect.stringContaining('"llava" available') });
        await t.app.settings.set('ai.ollama.model', 'moondream');
        expect(await testProviderConnection(t.app, 'ollama')).toMatchObject({ ok: false, message: expect.stringContaining('run `ollama pull moondream`') });
      } finally {
        await fake.close();
      }
    });

    it('SD WebUI: lists checkpoints with Basic auth', async () => {
      const fake = await startFakeSdWebUi('me:pw');
      try {
        await t.app.settings.set('ai.sd-webui.base_url', fake.url);
        expect(await testProviderConnection(t.app, 'sd-webui')).toMatchObject({ ok: false, message: expect.stringContaining('HTTP 401: Incorrect username or password') });
        await t.app.settings.set('ai.sd-webui.api_key', 'me:pw');
        expect(await testProviderConnection(t.app, 'sd-webui')).toMatchObject({ ok: true, message: expect.stringContaining('1 checkpoint(s)') });
        await t.app.settings.set('ai.sd-webui.model', 'sdxl-turbo');
        expect(await testProviderConnection(t.app, 'sd-webui')).toMatchObject({ ok: false, message: expect.stringContaining('checkpoint "sdxl-turbo" is not installed') });
      } finally {
        await fake.close();
      }
    });

    it('says when a service cannot be reached', async () => {
      const server = http.createServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      await new Promise((resolve) => server.close(resolve));
      await t.app.settings.set('ai.ollama.base_url', `http://127.0.0.1:${port}`);
      expect(await testProviderConnection(t.app, 'ollama')).toEqual({ ok: false, message: `Ollama: cannot reach http://127.0.0.1:${port} (ECONNREFUSED)` });
    });
  });
});
