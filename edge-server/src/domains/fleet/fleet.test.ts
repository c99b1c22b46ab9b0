import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { Ack, DeviceStatusAck, FleetScreenshot, FleetView, ScreenshotRequest, ScreenshotStored } from '@vitrina/contracts';
import { build } from '../../test-support/build.js';
import { seedSmallStore } from '../../test-support/small-store.js';
import { connectDevice, emitAck, nextEvent } from '../../test-support/sockets.js';

async function setup() {
  const t = await build({ FLEET_SCREENSHOT_TIMEOUT_MS: 1500, FLEET_SCREENSHOT_MAX_BYTES: 200_000 });
  const f = await seedSmallStore(t.services);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const admin = await t.staffHeaders('admin');
  const fleet = async () => (await t.app.inject({ method: 'GET', url: '/api/v1/fleet', headers: admin })).json() as FleetView;
  return { ...t, f, url, admin, fleet };
}

const REPORT = { appVersion: 'signage-1.4.0', currentItem: { itemId: 'slide-1', itemName: 'Spring sale', itemKind: 'image' }, cache: { itemsCached: 7, itemsTotal: 9, bytes: 12_345_678 }, uptimeMs: 3_600_000, errorCount: 2 };
const png = (size = 32) => sharp({ create: { width: size, height: size, channels: 3, background: '#36c' } }).png().toBuffer();

describe('fleet: device status reports and silence alerts', () => {
  it('keeps each device\'s last report, and raises an alert for an active device silent longer than the threshold', async () => {
    const s = await setup();
    const screen = await connectDevice(s.url, '/signage', s.f.screenA.token);
    const kiosk = await connectDevice(s.url, '/kiosk', s.f.kiosk.token);
    const ack = await emitAck<Ack<DeviceStatusAck>>(screen, 'device:status', REPORT);
    expect(ack.ok).toBe(true);
    expect(await emitAck(kiosk, 'device:status', { ...REPORT, appVersion: 'kiosk-2.0.0', cache: null, currentItem: null })).toMatchObject({ ok: true });

    let view = await s.fleet();
    const a1 = view.devices.find((d) => d.id === 'screen-a1')!;
    expect(a1).toMatchObject({ connected: true, silent: false, appVersion: 'signage-1.4.0', currentItem: REPORT.currentItem, cache: REPORT.cache, uptimeMs: 3_600_000, errorCount: 2 });
    expect(a1.reportedAt).toBe(ack.ok ? ack.data.receivedAt : null);
    expect(view.devices.find((d) => d.id === 'kiosk-a')).toMatchObject({ appVersion: 'kiosk-2.0.0', cache: null });
    // screen-b1 never connected: silent from the start.
    expect(view.alerts.map((a) => a.deviceId)).toEqual(['screen-b1']);
    expect(view.silentAfterMinutes).toBe(5);

    // Screen A1 goes away; 6 minutes later it is silent (the clock is moved, not waited for).
    screen.close();
    await expect.poll(async () => (await s.fleet()).devices.find((d) => d.id === 'screen-a1')!.connected).toBe(false);
    expect((await s.fleet()).alerts.map((a) => a.deviceId)).toEqual(['screen-b1']);
    const realNow = Date.now();
    (s.services.fleet as unknown as { now: () => Date }).now = () => new Date(realNow + 6 * 60_000);
    view = await s.fleet();
    expect(view.alerts.map((a) => a.deviceId).sort()).toEqual(['screen-a1', 'screen-b1']);
    kiosk.close();
  });

  it('refuses a malformed status report with a code and keeps the last good one', async () => {
    const s = await setup();
    const screen = await connectDevice(s.url, '/signage', s.f.screenA.token);
    await emitAck(screen, 'device:status', REPORT);
    for (const bad of [{ ...REPORT, uptimeMs: -1 }, { ...REPORT, appVersion: '' }, { ...REPORT, cache: { itemsCached: 'lots' } }, { ...REPORT, extra: 1 }, null]) {
      expect(await emitAck(screen, 'device:status', bad)).toMatchObject({ ok: false, error: { code: 'VITRINA_ERR_VALIDATION' } });
    }
    expect((await s.fleet()).devices.find((d) => d.id === 'screen-a1')).toMatchObject({ appVersion: 'signage-1.4.0', uptimeMs: 3_600_000 });
    screen.close();
  });
});

describe('fleet: remote screenshot', () => {
  it('asks that one device, stores its answer as the latest screenshot and shows it', async () => {
    const s = await setup();
    const screenA = await connectDevice(s.url, '/signage', s.f.screenA.token);
    const screenB = await connectDevice(s.url, '/signage', s.f.screenB.token);
    const image = `data:image/png;base64,${(await png()).toString('base64')}`;
    let bAsked = false;
    screenB.on('device:screenshot-request', () => { bAsked = true; });
    screenA.on('device:screenshot-request', (req: ScreenshotRequest) => {
      void emitAck<Ack<ScreenshotStored>>(screenA, 'device:screenshot', { requestId: req.requestId, image });
    });
    const res = await s.app.inject({ method: 'POST', url: '/api/v1/fleet/screen-a1/screenshot', headers: s.admin });
    expect(res.statusCode, res.body).toBe(200);
    const shot = res.json() as FleetScreenshot;
    expect(shot).toMatchObject({ deviceId: 'screen-a1', image });
    expect(bAsked).toBe(false);
    const latest = await s.app.inject({ method: 'GET', url: '/api/v1/fleet/screen-a1/screenshot', headers: await s.staffHeaders('staff') });
    expect(latest.json()).toEqual(shot);
    expect((await s.fleet()).devices.find((d) => d.id === 'screen-a1')!.screenshotAt).toBe(shot.takenAt);
    screenA.close();
    screenB.close();
  });

  it('answers with codes: unknown device, offline device, no answer in time, an image that lies or is too large, an answer nobody asked for', async () => {
    const s = await setup();
    const post = (id: string) => s.app.inject({ method: 'POST', url: `/api/v1/fleet/${id}/screenshot`, headers: s.admin });
    const code = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;

    let res = await post('no-such-device');
    expect([res.statusCode, code(res)]).toEqual([404, 'VITRINA_ERR_NOT_FOUND']);
    res = await post('screen-b1');
    expect([res.statusCode, code(res)]).toEqual([409, 'VITRINA_ERR_DEVICE_OFFLINE']);

    const screen = await connectDevice(s.url, '/signage', s.f.screenA.token);
    // Connected but never answers.
    res = await post('screen-a1');
    expect([res.statusCode, code(res)]).toEqual([504, 'VITRINA_ERR_SCREENSHOT_TIMEOUT']);

    const jpegAsPng = `data:image/png;base64,${(await sharp(await png()).jpeg().toBuffer()).toString('base64')}`;
    const tooLarge = `data:image/png;base64,${(await sharp({ create: { width: 600, height: 600, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).png().toBuffer()).toString('base64')}`;
    const notImage = `data:image/png;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64')}`;
    for (const image of [jpegAsPng, tooLarge, notImage, 'https://example.com/shot.png', null]) {
      const asked = nextEvent<ScreenshotRequest>(screen, 'device:screenshot-request');
      const pending = post('screen-a1');
      const req = await asked;
      const ack = await emitAck<Ack<ScreenshotStored>>(screen, 'device:screenshot', { requestId: req.requestId, image, ...(image === null ? { failure: 'canvas tainted' } : {}) });
      expect(ack).toMatchObject({ ok: false, error: { code: 'VITRINA_ERR_SCREENSHOT_INVALID' } });
      res = await pending;
      expect([res.statusCode, code(res)]).toEqual([422, 'VITRINA_ERR_SCREENSHOT_INVALID']);
    }
    // Unasked (or already answered) request ids are refused.
    expect(await emitAck(screen, 'device:screenshot', { requestId: 'shot_nobody', image: null })).toMatchObject({ ok: false, error: { code: 'VITRINA_ERR_NOT_FOUND' } });
    // Nothing was stored by any of the above.
    res = await s.app.inject({ method: 'GET', url: '/api/v1/fleet/screen-a1/screenshot', headers: s.admin });
    expect([res.statusCode, code(res)]).toEqual([404, 'VITRINA_ERR_NOT_FOUND']);
    // A marketer may ask; staff may only look.
    res = await s.app.inject({ method: 'POST', url: '/api/v1/fleet/screen-a1/screenshot', headers: await s.staffHeaders('staff') });
    expect(res.statusCode).toBe(403);
    screen.close();
  });
});
