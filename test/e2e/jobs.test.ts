import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { e2eSuite, holdLiveUpdates, type E2eApp } from './harness.ts';
import { samplePhotos, uploadThroughApi } from './photos-fixture.ts';

describe('Jobs view in a browser', () => {
  const e2e = e2eSuite();
  let app: E2eApp;
  let photos: string[];

  beforeAll(async () => {
    photos = await samplePhotos(3);
  });
  beforeEach(async () => {
    app = await e2e.start();
    await uploadThroughApi(app, photos);
  });

  it('Run now streams the log lines live and ends in success', async () => {
    await app.page.goto(`${app.uiUrl}#/jobs`);
    const row = app.page.getByTestId('job-classify');
    await row.waitFor();
    // Record when each log line and the final status reach the page.
    await app.page.evaluate(() => {
      const seen = { lines: [] as number[], success: 0 };
      (window as unknown as { seen: typeof seen }).seen = seen;
      new MutationObserver(() => {
        const count = document.querySelectorAll('[data-testid=log-line]').length;
        while (seen.lines.length < count) seen.lines.push(performance.now());
        if (!seen.success && document.querySelector('[data-testid=log-view] [data-testid=status]')?.textContent === 'success') seen.success = performance.now();
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });

    await row.getByRole('button', { name: 'Run now' }).click();
    const status = app.page.getByTestId('log-view').getByTestId('status');
    await status.filter({ hasText: 'success' }).waitFor({ timeout: 20_000 });
    await app.screenshot('jobs');

    const lines = await app.page.getByTestId('log-line').allInnerTexts();
    expect(lines[0]).toMatch(/classifying 3 photo/);
    expect(lines.filter((l) => /photo \d+ \(/.test(l))).toHaveLength(3);
    const seen = await app.page.evaluate(() => (window as unknown as { seen: { lines: number[]; success: number } }).seen);
    expect(seen.lines.length).toBe(lines.length);
    expect(seen.lines[0]).toBeLessThan(seen.success);
    expect(await row.getByTestId('status').textContent()).toBe('success');
  });

  it('shows the whole log of a run that ended before the live updates connected', async () => {
    // The event stream opens only once the run is over, and the log's first fetch comes back empty
    // (as when it is answered before the job has written anything): every line comes from the resync.
    const connect = await holdLiveUpdates(app.page);
    await app.page.route('**/api/admin/executions/*/logs*', (route) => route.fulfill({ json: [] }), { times: 1 });
    await app.page.goto(`${app.uiUrl}#/jobs`);
    const row = app.page.getByTestId('job-classify');
    await row.getByRole('button', { name: 'Run now' }).click();
    await expect.poll(async () => (await (await app.admin('GET', '/executions?name=classify')).json())[0]?.status, { timeout: 20_000 }).toBe('success');
    connect();
    await app.page.getByTestId('log-view').getByTestId('status').filter({ hasText: 'success' }).waitFor({ timeout: 5000 });
    await expect.poll(async () => (await app.page.getByTestId('log-line').allInnerTexts()).filter((l) => /photo \d+ \(/.test(l)).length, { timeout: 5000 }).toBe(3);
  });

  it('a bad cron expression gets the server’s validation message; a good one is saved', async () => {
    await app.page.goto(`${app.uiUrl}#/jobs`);
    await app.page.getByTestId('job-classify').getByText('classify', { exact: true }).click();
    const editor = app.page.locator('.two-col');
    const cron = editor.getByLabel('Schedule (cron)');
    await cron.fill('every tuesday');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.getByRole('alert').filter({ hasText: /cron/ }).waitFor();
    await app.screenshot('jobs-validation');

    await cron.fill('15 3 * * *');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.getByText('Saved.').waitFor();
    const jobs = await (await app.admin('GET', '/jobs')).json();
    expect(jobs.find((j: { name: string }) => j.name === 'classify').cron).toBe('15 3 * * *');
  });
});
