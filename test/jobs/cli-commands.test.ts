import { afterEach, describe, expect, it } from 'vitest';
import { listJobsCommand, runJobCommand } from '../../main/cli/commands/jobs.ts';
import { settingsGetCommand, settingsListCommand, settingsSetCommand } from '../../main/cli/commands/settings.ts';
import { JobService } from '../../main/jobs/job-service.ts';
import { ExecutionEntity } from '../../main/storage/entities/job.ts';
import { captureOutput, createTestApp, waitFor, type TestApp } from './test-app.ts';
import { TEST_KINDS } from './test-kinds.ts';
import { describeEachDatabaseAtOnce, useFreshDatabases } from '../helpers/test-databases.ts';

describeEachDatabaseAtOnce('job and settings commands', (database) => {
  const freshDatabase = useFreshDatabases(database);

  let testApp: TestApp;
  let server: JobService | null = null;

  afterEach(async () => {
    await server?.stop();
    server = null;
    await testApp?.close();
  });

  describe('inkstand job NAME', () => {
    it('prints log lines and plain progress lines, and exits 0 on success', async () => {
      testApp = await createTestApp({ databaseUrl: await freshDatabase() });
      const out = captureOutput(false);
      const code = await runJobCommand(testApp.app, 'test_progress', { paramsJson: '{"steps":2}', param: ['steps=3', 'step_ms=400'] }, out, TEST_KINDS);
      expect(code).toBe(0);
      const lines = out.text().trimEnd().split('\n');
      expect(lines[0]).toBe('test_progress: execution #1 queued');
      expect(lines.filter((l) => /^\d\d:\d\d:\d\d info {2}step \d$/.test(l))).toHaveLength(3);
      // Progress is read while the job runs, every 150 ms: each 400 ms step is seen, the last one only if the run has not ended first.
      expect(['progress 1/3,progress 2/3', 'progress 1/3,progress 2/3,progress 3/3']).toContain(lines.filter((l) => l.startsWith('progress ')).join());
      expect(lines.at(-2)).toMatch(/^\d\d:\d\d:\d\d info {2}success: 3 steps$/);
      expect(lines.at(-1)).toMatch(/^test_progress success in \d+\.\d s$/);
      const [execution] = await testApp.app.db.getRepository(ExecutionEntity).find();
      expect(execution).toMatchObject({ status: 'success', trigger: 'manual', params: JSON.stringify({ steps: 3, step_ms: 400 }) });
    });

    it('draws a progress bar on a terminal', async () => {
      testApp = await createTestApp({ databaseUrl: await freshDatabase() });
      const out = captureOutput(true);
      await runJobCommand(testApp.app, 'test_progress', { param: ['steps=2', 'step_ms=300'] }, out, TEST_KINDS);
      expect(out.text()).toContain(`[${'#'.repeat(15)}${'.'.repeat(15)}] 1/2`);
      expect(out.text()).toContain('\r\x1b[2K');
      expect(out.text()).not.toContain('progress 1/2\n');
    });

    it('exits non-zero when the job fails', async () => {
      testApp = await createTestApp({ databaseUrl: await freshDatabase() });
      const out = captureOutput();
      expect(await runJobCommand(testApp.app, 'test_fail', {}, out, TEST_KINDS)).toBe(1);
      expect(out.text()).toMatch(/ error the disk is full\ntest_fail error in \d+\.\d s\n$/);
    });

    it('refuses bad params, unknown jobs and malformed options before queueing anything', async () => {
      testApp = await createTestApp({ databaseUrl: await freshDatabase() });
      const out = captureOutput();
      await expect(runJobCommand(testApp.app, 'test_sleep', { param: ['ms=soon'] }, out, TEST_KINDS)).rejects.toThrow(/invalid params for test_sleep: field "ms"/);
      await expect(runJobCommand(testApp.app, 'test_sleep', { param: ['colour=red'] }, out, TEST_KINDS)).rejects.toThrow(/unknown field "colour"/);
      await expect(runJobCommand(testApp.app, 'test_sleep', { paramsJson: '[1]' }, out, TEST_KINDS)).rejects.toThrow(/must be a JSON object/);
      await expect(runJobCommand(testApp.app, 'test_sleep', { paramsJson: '{oops' }, out, TEST_KINDS)).rejects.toThrow(/not valid JSON/);
      await expect(runJobCommand(testApp.app, 'test_sleep', { param: ['ms'] }, out, TEST_KINDS)).rejects.toThrow(/key=value/);
      await expect(runJobCommand(testApp.app, 'nope', {}, out, TEST_KINDS)).rejects.toThrow(/no job named "nope"/);
      expect(await testApp.app.db.getRepository(ExecutionEntity).count()).toBe(0);
    });

    it('follows the execution when the job is already running elsewhere', async () => {
      testApp = await createTestApp({ databaseUrl: await freshDatabase() });
      server = new JobService(testApp.app, TEST_KINDS, { pollMs: 50 });
      await server.start();
      const running = await server.runNow('test_sleep', { ms: 600 });
      await waitFor(async () => (await server!.execution(running.id))?.status === 'running');
      const out = captureOutput();
      expect(await runJobCommand(testApp.app, 'test_sleep', { param: ['ms=5'] }, out, TEST_KINDS)).toBe(0);
      expect(out.text()).toMatch(new RegExp(`^test_sleep is already running by pid ${process.pid} on .+ as execution #${running.id} \\(with its own params; yours were not used\\); following it\n`));
      expect(out.text()).toMatch(/success: slept 600 ms/);
    });

    it('says what it waits for when another job is running', async () => {
      testApp = await createTestApp({ databaseUrl: await freshDatabase() });
      server = new JobService(testApp.app, TEST_KINDS, { pollMs: 50 });
      await server.start();
      const running = await server.runNow('test_sleep', { ms: 800 });
      await waitFor(async () => (await server!.execution(running.id))?.status === 'running');
      const out = captureOutput();
      expect(await runJobCommand(testApp.app, 'test_progress', { param: ['steps=1'] }, out, TEST_KINDS)).toBe(0);
      expect(out.text()).toContain(`waiting for execution #${running.id} (test_sleep) to finish first\n`);
      expect(out.text()).toMatch(/success: 1 steps/);
      expect(out.text().match(/waiting for/g)).toHaveLength(1);
    });
  });

  describe('inkstand jobs', () => {
    it('prints a JSON array and nothing else with --json', async () => {
      testApp = await createTestApp({ databaseUrl: await freshDatabase() });
      const out = captureOutput();
      await listJobsCommand(testApp.app, { json: true }, out);
      const rows = JSON.parse(out.text());
      expect(rows.map((r: { name: string }) => r.name)).toEqual(expect.arrayContaining(['get_weather', 'get_calendar', 'generate_dashboard', 'refresh_all', 'cleanup']));
      expect(rows.find((r: { name: string }) => r.name === 'generate_dashboard')).toMatchObject({ kind: 'generate_dashboard', cron: '*/15 * * * *', enabled: true, nextRunAt: expect.any(String), lastStatus: null });
      expect(rows.find((r: { name: string }) => r.name === 'refresh_all')).toMatchObject({ cron: 'manual', nextRunAt: null });
      const table = captureOutput();
      await listJobsCommand(testApp.app, {}, table);
      expect(table.text().split('\n')[0]).toMatch(/^name\s+kind\s+cron\s+timeZone\s+enabled\s+nextRunAt\s+lastStatus$/);
    });
  });

  describe('inkstand settings', () => {
    it('gets and sets keys, never printing a secret', async () => {
      testApp = await createTestApp({ databaseUrl: await freshDatabase() });
      const out = captureOutput();
      await settingsSetCommand(testApp.app, 'weather.latitude', '52.52', out);
      await settingsGetCommand(testApp.app, 'weather.latitude', out);
      await settingsGetCommand(testApp.app, 'weather.provider', out);
      await settingsSetCommand(testApp.app, 'weather.api_key', 'sk-very-secret', out);
      await settingsGetCommand(testApp.app, 'weather.api_key', out);
      expect(out.text()).toBe('weather.latitude = 52.52\n52.52\nopen-meteo\nweather.api_key set\n(set)\n');
      const list = captureOutput();
      await settingsListCommand(testApp.app, { json: true }, list);
      expect(list.text()).not.toContain('sk-very-secret');
      expect(JSON.parse(list.text())).toEqual(expect.arrayContaining([{ key: 'weather.api_key', value: '(set)', secret: true }]));
      await expect(settingsSetCommand(testApp.app, 'weather.latitude', '123', out)).rejects.toThrow(/invalid value for weather\.latitude/);
      await expect(settingsGetCommand(testApp.app, 'weather.colour', out)).rejects.toThrow(/unknown setting "weather\.colour"/);
    });
  });
});
