import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { e2eSuite, holdLiveUpdates, type E2eApp } from './harness.ts';
import { samplePhotos, uploadThroughApi } from './photos-fixture.ts';

describe('Displays view in a browser, against the real server and simulated frames', () => {
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

  it('shows the empty state with the next step before any frame asked', async () => {
    await app.page.goto(app.uiUrl);
    await app.page.getByText('No displays yet').waitFor();
    expect(await app.page.getByRole('button', { name: 'Pair new displays' }).count()).toBeGreaterThan(0);
    expect(new URL(app.page.url()).searchParams.has('token')).toBe(false);
    await app.screenshot('displays-empty');
  });

  it('lists a frame that asks to pair while the page is still connecting its live updates', async () => {
    // The first lists load while the event stream connects; a request in between must not wait for the 20 s refresh.
    const connect = await holdLiveUpdates(app.page);
    await app.page.goto(app.uiUrl);
    await app.page.getByText('No displays yet').waitFor();
    const frame = app.frame('e2e-early');
    expect(await frame.bootstrap()).toBe(202);
    connect();
    await app.page.getByTestId(`pending-${frame.humanId}`).waitFor({ timeout: 5000 });
  });

  it('lists a pending frame with its pairing code; Approve pairs it and it then shows a photo', async () => {
    await app.page.goto(app.uiUrl);
    const frame = app.frame('e2e-frame-1');
    expect(await frame.bootstrap()).toBe(202);
    const card = app.page.getByTestId(`pending-${frame.humanId}`);
    await card.waitFor();
    expect((await card.getByLabel('Pairing code').innerText()).replace(/\D/g, '')).toContain(frame.pairingCode);
    await app.screenshot('displays-pending');

    await card.getByRole('button', { name: 'Approve' }).click();
    await frame.waitForApproval(5000);
    const { state } = await frame.poll();
    expect(state?.mode).toBe('photo');
    const image = await frame.fetchImage();
    expect([image.width, image.height]).toEqual([800, 480]);

    const panelImage = app.page.getByTestId(`display-${frame.humanId}`).locator('img');
    await panelImage.waitFor();
    await expect.poll(() => panelImage.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(800);
    await app.screenshot('displays-grid');
  });

  it("changing the display's default mode in its settings changes what the frame gets on its next poll", async () => {
    const { frame } = await app.pairedFrame('e2e-frame-1');
    expect((await frame.poll()).state ?? frame.state).toMatchObject({ mode: 'photo' });

    await app.page.goto(app.uiUrl);
    await app.page.getByTestId(`display-${frame.humanId}`).getByRole('button', { name: 'Settings' }).click();
    const drawer = app.page.getByRole('dialog');
    await drawer.getByLabel('Shows by default').selectOption('dashboard');
    await app.page.setViewportSize({ width: 1360, height: 2400 }); // the whole side panel in one picture
    await app.screenshot('display-settings');
    await app.page.setViewportSize({ width: 1360, height: 900 });
    await drawer.getByRole('button', { name: 'Save', exact: true }).click();

    await expect.poll(async () => (await frame.poll()).state?.mode ?? 'unchanged', { timeout: 10_000 }).toBe('dashboard');
    await drawer.getByRole('button', { name: 'Close' }).click();
    await app.page.getByTestId(`display-${frame.humanId}`).getByTestId('mode').filter({ hasText: 'Dashboard' }).waitFor();
  });

  it('Refresh all reaches a long-polling frame within a second', async () => {
    const { frame, displayId } = await app.pairedFrame('e2e-frame-1');
    // A dashboard is only redrawn on request (a photo would also change when its time is up).
    expect((await app.admin('PATCH', `/displays/${displayId}`, { patch: { defaultMode: 'dashboard' } })).status).toBe(200);
    await expect.poll(async () => (await frame.poll()).state?.mode ?? frame.state?.mode, { timeout: 10_000 }).toBe('dashboard');
    await app.page.goto(app.uiUrl);
    await app.page.getByTestId(`display-${frame.humanId}`).waitFor();

    const before = frame.state!.version;
    let answered = false;
    const longPoll = frame.poll({ wait: 20 }).then((result) => {
      answered = true;
      return { ...result, at: performance.now() };
    });
    // Minutes later the dashboard would read differently (its header shows the time), but the
    // frame keeps waiting until Refresh all.
    app.clock.skip(5 * 60_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(answered).toBe(false);

    const clickedAt = performance.now();
    await app.page.getByRole('button', { name: 'Refresh all' }).click();
    const answer = await longPoll;

    expect(answer.status).toBe(200);
    expect(answer.state!.version).not.toBe(before);
    expect(answer.at - clickedAt).toBeLessThan(1000);
  });
});
