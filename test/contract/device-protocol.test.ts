import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  bootstrapApprovedSchema, bootstrapPendingSchema, bootstrapRequestSchema, buttonRequestSchema, DEVICE_ERROR_CODES, deviceErrorSchema, deviceStateSchema,
} from '../../contract/device.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { testDatabases, useTestDatabase } from '../helpers/test-databases.ts';

const SAMPLES = path.resolve(import.meta.dirname, '../fixtures/device-protocol');
const sample = (name: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(SAMPLES, `${name}.json`), 'utf8'));

const SCHEMAS: Record<string, z.ZodTypeAny> = {
  'bootstrap-request': bootstrapRequestSchema,
  'bootstrap-pending': bootstrapPendingSchema,
  'bootstrap-approved': bootstrapApprovedSchema,
  'state': deviceStateSchema,
  'button-request': buttonRequestSchema,
  'error-invalid-token': deviceErrorSchema,
  'error-unknown-version': deviceErrorSchema,
};

describe('device protocol golden samples', () => {
  it('has a schema for every sample and a sample for every schema', () => {
    const files = fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
    expect(files).toEqual(Object.keys(SCHEMAS).sort());
  });

  it.each(Object.keys(SCHEMAS))('%s matches its schema in contract/device.ts', (name) => {
    const parsed = SCHEMAS[name].safeParse(sample(name));
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
  });

  it('uses only error codes the contract lists', () => {
    for (const name of ['error-invalid-token', 'error-unknown-version']) expect(DEVICE_ERROR_CODES).toContain(sample(name).code);
  });
});

describe.each(testDatabases('the real server answers in the shapes of the samples'))('the real server answers in the shapes of the samples (%s)', (database) => {
  const settings = useTestDatabase(database);
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ databaseUrl: settings().databaseUrl });
  });
  afterAll(async () => {
    await t.stop();
  });

  const post = (urlPath: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${t.urls.http}${urlPath}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const keys = (o: object) => Object.keys(o).sort();

  it('bootstrap (pending, then approved), state, button and the errors', async () => {
    const request = sample('bootstrap-request');
    const pending = await post('/api/display/bootstrap', request);
    expect(pending.status).toBe(202);
    const pendingBody = bootstrapPendingSchema.parse(await pending.json());
    expect(keys(pendingBody)).toEqual(keys(sample('bootstrap-pending')));

    const displays: { id: number; hardwareId: string }[] = await (await t.admin('GET', '/displays')).json();
    const displayId = displays.find((d) => d.hardwareId === request.hardware_id)!.id;
    expect((await t.admin('POST', `/displays/${displayId}/approve`)).status).toBe(200);

    const approved = await post('/api/display/bootstrap', request);
    expect(approved.status).toBe(200);
    const approvedBody = bootstrapApprovedSchema.parse(await approved.json());
    expect(keys(approvedBody)).toEqual(keys(sample('bootstrap-approved')));
    const auth = { authorization: `Token ${approvedBody.token_key}` };

    await t.admin('POST', `/displays/${displayId}/override`, { mode: 'dashboard', minutes: 30 });
    const state = await fetch(`${t.urls.http}/api/display/state`, { headers: auth });
    const stateBody = deviceStateSchema.parse(await state.json());
    expect(keys(stateBody)).toEqual(keys(sample('state')));
    expect(stateBody.override).not.toBeNull();

    const pressed = await post('/api/display/button', sample('button-request'), auth);
    expect(pressed.status).toBe(200);
    expect(keys(deviceStateSchema.parse(await pressed.json()))).toEqual(keys(sample('state')));

    const wrongVersion = await fetch(`${t.urls.http}/api/display/image?version=0000000000000000`, { headers: auth });
    expect(wrongVersion.status).toBe(404);
    expect(keys(deviceErrorSchema.parse(await wrongVersion.json()))).toEqual(keys(sample('error-unknown-version')));

    const badToken = await fetch(`${t.urls.http}/api/display/state`, { headers: { authorization: 'Token not-a-token' } });
    expect(badToken.status).toBe(401);
    expect(await badToken.json()).toEqual({ ...sample('error-invalid-token') });
  });
});
