import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshBuiltinData, renderBuiltinScreen } from '../../main/builtin-screens/render.ts';
import { findBuiltinProfile } from '../../main/imaging/builtin-profiles.ts';
import { startFakeOllama, type FakeOllama } from '../fakes/ollama-server.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/openai-server.ts';
import { createTestApp, type TestApp } from '../jobs/test-app.ts';
import { ocrTextBoxes } from '../markup/support/ocr.ts';

let openai: FakeOpenAi;
let ollama: FakeOllama;
let testApp: TestApp;
const context = () => ({ now: new Date('2025-10-15T08:05:00Z'), timeZone: 'Europe/Berlin', locale: 'en', app: testApp.app });

beforeAll(async () => {
  [openai, ollama, testApp] = await Promise.all([startFakeOpenAi(), startFakeOllama(), createTestApp()]);
});
afterAll(async () => {
  await Promise.all([openai.close(), ollama.close(), testApp.close()]);
});

// SQLite only: its subject is the AI providers and drawing; the stores it reads run on PostgreSQL in their own suites.
describe('the text screen with an AI prompt', () => {
  it('says the key is missing before asking OpenAI itself (the default address)', async () => {
    expect(await refreshBuiltinData('text', { mode: 'ai_prompt', text: 'A short poem about autumn' }, context())).toEqual({
      data: null, error: 'set ai.openai.api_key (Settings → AI), or point ai.openai.base_url at a local OpenAI-compatible server, for the AI text screen',
    });
  });

  it('asks the OpenAI-compatible API, shows the answer legibly, and keeps it when the provider fails', async () => {
    await testApp.app.settings.set('ai.openai.base_url', openai.url);
    await testApp.app.settings.set('ai.openai.model', 'gpt-4o-mini');
    await testApp.app.settings.set('ai.openai.api_key', openai.apiKey);
    const settings = { mode: 'ai_prompt', text: 'A short poem about autumn' };
    const first = await refreshBuiltinData('text', settings, context());
    expect(first).toEqual({ data: { text: openai.textAnswer, author: '' }, error: null });
    const sent = openai.requests.at(-1)!.body as { model: string; messages: { role: string; content: string }[] };
    expect(sent.model).toBe('gpt-4o-mini');
    expect(sent.messages.at(-1)).toEqual({ role: 'user', content: 'A short poem about autumn' });
    expect(sent.messages[0].content).toContain('Wednesday, October 15, 2025');
    const { png, boxes } = await renderBuiltinScreen('text', first.data, context(), { profile: findBuiltinProfile('trmnl-og-1bit')! });
    expect((await ocrTextBoxes(png, boxes)).replace(/\s+/g, ' ')).toContain('the kettle sings');

    openai.modes.push('error');
    const failed = await refreshBuiltinData('text', settings, context(), first.data);
    expect(failed).toEqual({ data: first.data, error: expect.stringMatching(/^OpenAI chat: HTTP 429: You exceeded your current quota/) });
  });

  it('asks Ollama on the LAN the same way', async () => {
    await testApp.app.settings.set('ai.ollama.base_url', ollama.url);
    await testApp.app.settings.set('ai.ollama.model', 'llava');
    expect(await refreshBuiltinData('text', { mode: 'ai_prompt', text: 'Something cosy', provider: 'ollama' }, context())).toEqual({ data: { text: ollama.textAnswer, author: '' }, error: null });
  });
});
