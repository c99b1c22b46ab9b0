import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { planAt, type Layout, type LayoutInput, type ScheduleInput, type ScreenSnapshot, type SignageBoards } from '@vitrina/contracts';
import { build } from '../../test-support/build.js';
import { seedSmallStore } from '../../test-support/small-store.js';
import { collect, connectDevice, emitAck, nextEvent } from '../../test-support/sockets.js';
import { ContentRepository } from './repository.js';
import { SignageService } from './signage-service.js';

const HASH = 'b'.repeat(64);

const tickerLayout: LayoutInput = {
  name: 'Breakfast',
  template: 'main-ticker',
  regions: [
    {
      regionId: 'main',
      slides: [
        { id: 'croissant', kind: 'image', media: { mediaId: null, url: '/media/library/croissant.jpg', sha256: HASH }, title: 'Croissants', body: 'Warm', durationMs: 8000 },
        { id: 'offers', kind: 'offers-board', title: 'Today', maxOffers: 6, durationMs: 10000 },
      ],
    },
    { regionId: 'ticker', slides: [{ id: 't1', kind: 'ticker', text: 'Fresh coffee all morning', durationMs: 20000 }] },
  ],
};

const sideLayout: LayoutInput = {
  name: 'Prices',
  template: 'main-side',
  regions: [
    { regionId: 'main', slides: [{ id: 'msg', kind: 'message', title: 'Hello', body: 'Welcome', durationMs: 5000 }] },
    { regionId: 'side', slides: [{ id: 'prices', kind: 'price-board', title: 'Prices', productIds: ['p-milk', 'p-vodka', 'p-nope'], durationMs: 10000 }] },
  ],
};

async function setup() {
  const t = await build();
  const store = await seedSmallStore(t.services);
  const admin = await t.staffHeaders('admin');
  const api = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers = admin) => {
    const res = await t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
    return { status: res.statusCode, body: res.json() };
  };
  const createLayout = async (input: LayoutInput) => {
    const res = await api('POST', '/api/v1/signage/layouts', input);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as Layout;
  };
  return { t, store, admin, api, createLayout };
}

async function listen(t: Awaited<ReturnType<typeof build>>) {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

const schedule = (over: Partial<ScheduleInput> = {}): ScheduleInput => ({ defaultLayoutId: null, entries: [], power: [], ...over });

describe('layouts', () => {
  it('lists the built-in templates and creates, reads, replaces and deletes a layout', async () => {
    const { api, createLayout } = await setup();
    const templates = await api('GET', '/api/v1/signage/layout-templates');
    expect(templates.body.templates.map((x: { id: string }) => x.id)).toEqual(['full', 'main-side', 'main-ticker']);
    const layout = await createLayout(tickerLayout);
    expect(layout).toMatchObject({ name: 'Breakfast', template: 'main-ticker' });
    expect(layout.regions.map((r) => r.regionId)).toEqual(['main', 'ticker']);
    expect((await api('GET', `/api/v1/signage/layouts/${layout.id}`)).body).toEqual(layout);
    const replaced = await api('PUT', `/api/v1/signage/layouts/${layout.id}`, { ...tickerLayout, name: 'Breakfast 2' });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ id: layout.id, name: 'Breakfast 2' });
    expect((await api('GET', '/api/v1/signage/layouts')).body.layouts.map((l: Layout) => l.name)).toEqual(['Breakfast 2']);
    expect((await api('DELETE', `/api/v1/signage/layouts/${layout.id}`)).status).toBe(200);
    expect((await api('GET', `/api/v1/signage/layouts/${layout.id}`)).body.error.code).toBe('VITRINA_ERR_LAYOUT_UNKNOWN');
  });

  it('refuses unknown regions, slides in the wrong region, missing regions, duplicate ids and media from elsewhere, writing nothing', async () => {
    const { api } = await setup();
    const cases: Array<[LayoutInput, RegExp]> = [
      [{ ...tickerLayout, regions: [...tickerLayout.regions, { regionId: 'side', slides: [] }] }, /no region "side"/],
      [{ ...tickerLayout, regions: [{ regionId: 'main', slides: [{ id: 'x', kind: 'ticker', text: 'hi', durationMs: 5000 }] }, tickerLayout.regions[1]!] }, /ticker slide cannot go in the "main"/],
      [{ ...tickerLayout, regions: [tickerLayout.regions[0]!] }, /"ticker" region needs a playlist/],
      [{ ...tickerLayout, regions: [tickerLayout.regions[0]!, { regionId: 'ticker', slides: [{ id: 'croissant', kind: 'ticker', text: 'x', durationMs: 5000 }] }] }, /unique/],
      [{ ...tickerLayout, regions: [{ regionId: 'main', slides: [{ id: 'r', kind: 'image', media: { mediaId: null, url: 'https://cdn.example.com/a.jpg', sha256: HASH }, title: '', body: '', durationMs: 5000 }] }, tickerLayout.regions[1]!] }, /served by this edge server/],
    ];
    for (const [input, message] of cases) {
      const res = await api('POST', '/api/v1/signage/layouts', input);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VITRINA_ERR_LAYOUT_INVALID');
      expect(res.body.error.message).toMatch(message);
    }
    // The schema refuses an unknown template and a slide kind that does not exist.
    expect((await api('POST', '/api/v1/signage/layouts', { ...tickerLayout, template: 'quad' })).body.error.code).toBe('VITRINA_ERR_VALIDATION');
    expect((await api('GET', '/api/v1/signage/layouts')).body.layouts).toEqual([]);
  });

  it('answers a layout’s media usage (the library counts it) and refuses to delete a layout a schedule plays', async () => {
    const { t, api, createLayout } = await setup();
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#c00' } }).png().toBuffer();
    const { item } = await t.services.media.upload((async function* () { yield png; })(), 'red.png', 'image/png');
    const withLibraryMedia: LayoutInput = { ...tickerLayout, regions: [{ regionId: 'main', slides: [{ id: 'm', kind: 'image', media: { mediaId: item.id, url: item.url, sha256: item.id }, title: '', body: '', durationMs: 30000 }] }, tickerLayout.regions[1]!] };
    const layout = await createLayout(withLibraryMedia);
    expect(await t.services.signage.usageOf(item.id)).toEqual({ mediaId: item.id, layouts: [{ id: layout.id, name: 'Breakfast' }], scheduledZoneIds: [] });
    expect((await api('PUT', '/api/v1/zones/zone-b/schedule', schedule({ defaultLayoutId: layout.id }))).status).toBe(200);
    expect((await t.services.signage.usageOf(item.id)).scheduledZoneIds).toEqual(['zone-b']);
    expect((await t.services.signage.usageOf('f'.repeat(64))).layouts).toEqual([]);
    // The media library's deletion check sees the layout.
    expect((await t.services.media.get(item.id)).usedIn).toBe(1);
    const removal = await api('DELETE', `/api/v1/media/${item.id}`);
    expect(removal.body.error.code).toBe('VITRINA_ERR_MEDIA_IN_USE');
    const del = await api('DELETE', `/api/v1/signage/layouts/${layout.id}`);
    expect(del.status).toBe(409);
    expect(del.body.error.code).toBe('VITRINA_ERR_LAYOUT_IN_USE');
  });

  it('checks media ids against the media library once one is wired', async () => {
    const { t, api } = await setup();
    const facts = { url: '/media/lib/known.png', sha256: HASH, validFrom: '2026-01-01T00:00:00.000Z', validTo: null };
    t.services.signage.useMediaLookup(async (ids) => new Map(ids.filter((id) => id === 'med_known').map((id) => [id, facts])));
    const slide = (mediaId: string) => ({ regionId: 'main', slides: [{ id: 'i', kind: 'image', media: { mediaId, url: '/media/library/x.png', sha256: HASH }, title: '', body: '', durationMs: 5000 }] });
    const bad = await api('POST', '/api/v1/signage/layouts', { name: 'x', template: 'full', regions: [slide('med_gone')] });
    expect(bad.body.error).toMatchObject({ code: 'VITRINA_ERR_LAYOUT_INVALID', message: 'No media "med_gone" in the library.' });
    const created = await api('POST', '/api/v1/signage/layouts', { name: 'x', template: 'full', regions: [slide('med_known')] });
    expect(created.status).toBe(201);
    expect((await api('PUT', '/api/v1/zones/zone-a/schedule', schedule({ defaultLayoutId: created.body.id }))).status).toBe(200);
    // The snapshot carries the library's URL, hash and play window.
    const media = () => api('GET', '/api/v1/zones/zone-a/snapshot').then((r) => (r.body as ScreenSnapshot).schedule.layouts[0]!.regions[0]!.slides[0]);
    expect(await media()).toMatchObject({ media: { mediaId: 'med_known', url: '/media/lib/known.png', validFrom: '2026-01-01T00:00:00.000Z', validTo: null } });
    // Deleted from the library since (forced): the slide never plays and leaves the manifest.
    t.services.signage.useMediaLookup(async () => new Map());
    expect((await api('PUT', '/api/v1/zones/zone-a/schedule', schedule({ defaultLayoutId: created.body.id }))).status).toBe(200);
    const snap = (await api('GET', '/api/v1/zones/zone-a/snapshot')).body as ScreenSnapshot;
    expect(snap.schedule.layouts[0]!.regions[0]!.slides[0]).toMatchObject({ media: { validTo: '1970-01-01T00:00:00.000Z' } });
    expect(snap.manifest).toEqual([]);
  });
});

describe('schedules', () => {
  it('refuses an unknown zone, an unknown layout, end before start, empty windows and overlapping emergency entries, and keeps the old schedule', async () => {
    const { api, createLayout } = await setup();
    const layout = await createLayout(tickerLayout);
    const good = schedule({
      defaultLayoutId: layout.id,
      entries: [{ id: 'bf', label: 'Breakfast', layoutId: layout.id, priority: 'scheduled', startDate: '2026-01-01', endDate: '2026-12-31', daysOfWeek: [1, 2, 3, 4, 5], windows: [{ start: '07:00', end: '10:00' }] }],
    });
    const saved = await api('PUT', '/api/v1/zones/zone-a/schedule', good);
    expect(saved.status).toBe(200);
    const entry = good.entries[0]!;
    const emergency = (id: string, start: string, end: string, days: number[]) => ({ ...entry, id, priority: 'emergency' as const, daysOfWeek: days, windows: [{ start, end }] });
    const cases: Array<[string, ScheduleInput, number, string, RegExp?]> = [
      ['zone-x', good, 404, 'VITRINA_ERR_NOT_FOUND'],
      ['zone-a', schedule({ defaultLayoutId: 'lay_missing' }), 404, 'VITRINA_ERR_LAYOUT_UNKNOWN'],
      ['zone-a', schedule({ entries: [{ ...entry, layoutId: 'lay_missing' }] }), 404, 'VITRINA_ERR_LAYOUT_UNKNOWN'],
      ['zone-a', schedule({ entries: [{ ...entry, startDate: '2026-05-02', endDate: '2026-05-01' }] }), 400, 'VITRINA_ERR_SCHEDULE_INVALID', /ends \(2026-05-01\) before it starts/],
      ['zone-a', schedule({ entries: [{ ...entry, startDate: '2026-02-30' }] }), 400, 'VITRINA_ERR_SCHEDULE_INVALID', /not a calendar day/],
      ['zone-a', schedule({ entries: [{ ...entry, windows: [{ start: '09:00', end: '09:00' }] }] }), 400, 'VITRINA_ERR_SCHEDULE_INVALID', /empty/],
      ['zone-a', schedule({ power: [{ id: 'p', daysOfWeek: [0], start: '24:00', end: '06:00' }] }), 400, 'VITRINA_ERR_SCHEDULE_INVALID', /cannot start at 24:00/],
      ['zone-a', schedule({ entries: [entry, { ...entry }] }), 400, 'VITRINA_ERR_SCHEDULE_INVALID', /used twice/],
      // Friday 22:00–02:00 overnight runs into Saturday 01:00–03:00.
      ['zone-a', schedule({ entries: [emergency('e1', '22:00', '02:00', [5]), emergency('e2', '01:00', '03:00', [6])] }), 409, 'VITRINA_ERR_EMERGENCY_OVERLAP', /both on at 2026-01-03 01:00/],
    ];
    for (const [zone, body, status, code, message] of cases) {
      const res = await api('PUT', `/api/v1/zones/${zone}/schedule`, body);
      expect(res.status, `${code} ${JSON.stringify(res.body)}`).toBe(status);
      expect(res.body.error.code).toBe(code);
      if (message) expect(res.body.error.message).toMatch(message);
    }
    // Side by side, not overlapping: accepted.
    const apart = schedule({ entries: [emergency('e1', '22:00', '02:00', [5]), emergency('e2', '02:00', '03:00', [6])] });
    expect((await api('PUT', '/api/v1/zones/zone-b/schedule', apart)).status).toBe(200);
    expect((await api('GET', '/api/v1/zones/zone-a/schedule')).body).toEqual(saved.body);
  });

  it('plays the classic playlist as the default layout of a zone without a schedule, and keeps the playlist API working', async () => {
    const { api } = await setup();
    const snap = (await api('GET', '/api/v1/zones/zone-a/snapshot')).body as ScreenSnapshot;
    expect(snap.schedule.defaultLayoutId).toBe('playlist-zone-a');
    const plan = planAt(snap, Date.now());
    expect(plan).toMatchObject({ state: 'play', source: 'default', template: { id: 'full' } });
    if (plan.state !== 'play') throw new Error('unreachable');
    expect(plan.layout.regions[0]!.slides.map((s) => s.id)).toEqual(['welcome', 'produce', 'points', 'bakery']);
    expect(snap.manifest.map((m) => m.url).sort()).toEqual(['/media/bakery.svg', '/media/produce.svg']);
    expect(Date.parse(snap.validUntil) - Date.parse(snap.generatedAt)).toBe(48 * 3_600_000);
    const published = await api('PUT', '/api/v1/zones/zone-a/playlist', { items: [{ id: 'only', kind: 'message', src: null, title: 'Hi', body: '', durationMs: 5000 }] });
    expect(published.status).toBe(200);
    const after = (await api('GET', '/api/v1/zones/zone-a/snapshot')).body as ScreenSnapshot;
    expect(after.version).not.toBe(snap.version);
    expect(after.schedule.layouts[0]!.regions[0]!.slides.map((s) => s.id)).toEqual(['only']);
  });

  it('pushes the new snapshot to the zone’s screens on publish, and the screen finds the scheduled layout in it', async () => {
    const { t, store, api, createLayout } = await setup();
    const url = await listen(t);
    const screenA = await connectDevice(url, '/signage', store.screenA.token);
    const screenB = await connectDevice(url, '/signage', store.screenB.token);
    try {
      const onB = collect<ScreenSnapshot>(screenB, 'signage:snapshot');
      const base = await createLayout(sideLayout);
      const breakfast = await createLayout(tickerLayout);
      const pushed = nextEvent<ScreenSnapshot>(screenA, 'signage:snapshot');
      const res = await api('PUT', '/api/v1/zones/zone-a/schedule', schedule({
        defaultLayoutId: base.id,
        entries: [{ id: 'bf', label: 'Breakfast', layoutId: breakfast.id, priority: 'scheduled', startDate: null, endDate: null, daysOfWeek: [0, 1, 2, 3, 4, 5, 6], windows: [{ start: '07:00', end: '10:00' }] }],
        power: [{ id: 'night', daysOfWeek: [0, 1, 2, 3, 4, 5, 6], start: '23:00', end: '06:00' }],
      }));
      expect(res.status).toBe(200);
      const snap = await pushed;
      expect(snap.zoneId).toBe('zone-a');
      expect(snap.schedule.timeZone).toBe('America/New_York');
      // 08:00 in New York on a January day is 13:00Z.
      expect(planAt(snap, Date.parse('2027-01-12T13:00:00Z'))).toMatchObject({ source: 'scheduled', entryId: 'bf', layout: { id: breakfast.id } });
      expect(planAt(snap, Date.parse('2027-01-12T16:00:00Z'))).toMatchObject({ source: 'default', layout: { id: base.id } });
      expect(planAt(snap, Date.parse('2027-01-12T05:00:00Z'))).toMatchObject({ state: 'sleep' });
      // Every day has a breakfast window within 48 h, so its image is in the manifest.
      expect(snap.manifest).toContainEqual({ url: '/media/library/croissant.jpg', sha256: HASH, mediaId: null, kind: 'image' });
      // The asked-for snapshot is the pushed one.
      expect((await emitAck<{ ok: true; data: ScreenSnapshot }>(screenA, 'signage:snapshot', {})).data.version).toBe(snap.version);
      // Editing a layout the schedule plays republishes the zone; zone B heard nothing of zone A.
      const again = nextEvent<ScreenSnapshot>(screenA, 'signage:snapshot');
      expect((await api('PUT', `/api/v1/signage/layouts/${breakfast.id}`, { ...tickerLayout, name: 'Brunch' })).status).toBe(200);
      expect((await again).schedule.layouts.find((l) => l.id === breakfast.id)?.name).toBe('Brunch');
      expect(onB).toEqual([]);
    } finally {
      screenA.close();
      screenB.close();
    }
  });
});

describe('the emergency override', () => {
  it('takes over chosen zones at once, refuses an overlapping one, and reverts', async () => {
    const { t, store, api } = await setup();
    const url = await listen(t);
    const screenA = await connectDevice(url, '/signage', store.screenA.token);
    const screenB = await connectDevice(url, '/signage', store.screenB.token);
    try {
      const onB = collect<ScreenSnapshot>(screenB, 'signage:snapshot');
      const pushed = nextEvent<ScreenSnapshot>(screenA, 'signage:snapshot');
      const started = await api('POST', '/api/v1/signage/emergencies', { zoneIds: ['zone-a'], title: 'Spill in aisle 3', body: 'Please use aisle 4.' });
      expect(started.status).toBe(201);
      const snap = await pushed;
      expect(snap.schedule.emergency).toMatchObject({ id: started.body.id, title: 'Spill in aisle 3' });
      expect(planAt(snap, Date.now())).toMatchObject({ source: 'emergency', suppressTakeovers: true });
      // The schedule's media stay in the manifest for after the revert.
      expect(snap.manifest.map((m) => m.url)).toContain('/media/produce.svg');
      expect(onB).toEqual([]);

      const refused = [
        await api('POST', '/api/v1/signage/emergencies', { zoneIds: ['zone-a', 'zone-b'], title: 'Second', body: '' }),
        await api('POST', '/api/v1/signage/emergencies', { zoneIds: null, title: 'Whole store', body: '' }),
      ];
      for (const r of refused) expect(r.body.error.code).toBe('VITRINA_ERR_EMERGENCY_OVERLAP');
      expect((await api('POST', '/api/v1/signage/emergencies', { zoneIds: ['zone-nope'], title: 'x', body: '' })).status).toBe(404);
      expect((await api('GET', '/api/v1/signage/emergencies')).body.emergencies).toHaveLength(1);

      const reverted = nextEvent<ScreenSnapshot>(screenA, 'signage:snapshot');
      const ended = await api('DELETE', `/api/v1/signage/emergencies/${started.body.id}`);
      expect(ended.status).toBe(200);
      expect(ended.body.endedAt).not.toBeNull();
      expect((await reverted).schedule.emergency).toBeNull();
      expect((await api('DELETE', `/api/v1/signage/emergencies/${started.body.id}`)).body.error.code).toBe('VITRINA_ERR_EMERGENCY_ENDED');

      // The whole store at once: both zones' screens.
      const a = nextEvent<ScreenSnapshot>(screenA, 'signage:snapshot');
      const b = nextEvent<ScreenSnapshot>(screenB, 'signage:snapshot');
      const all = await api('POST', '/api/v1/signage/emergencies', { zoneIds: null, title: 'Store closing', body: 'In 10 minutes' });
      expect(all.status).toBe(201);
      expect((await a).schedule.emergency?.id).toBe(all.body.id);
      expect((await b).schedule.emergency?.id).toBe(all.body.id);
    } finally {
      screenA.close();
      screenB.close();
    }
  });

  it('is for admins and marketers only', async () => {
    const { t, api } = await setup();
    const staff = await t.staffHeaders('staff');
    const res = await api('POST', '/api/v1/signage/emergencies', { zoneIds: null, title: 'x', body: '' }, staff);
    expect(res.status).toBe(403);
    expect((await api('GET', '/api/v1/signage/emergencies')).body.emergencies).toEqual([]);
  });
});

describe('data-driven boards', () => {
  it('shows public offers priced by the till and chosen prices, never restricted products, and pushes changes without a republish', async () => {
    const { t, store, api, createLayout } = await setup();
    const base = await createLayout(sideLayout);
    const breakfast = await createLayout(tickerLayout);
    expect((await api('PUT', '/api/v1/zones/zone-a/schedule', schedule({
      defaultLayoutId: base.id,
      entries: [{ id: 'bf', label: 'b', layoutId: breakfast.id, priority: 'interrupt', startDate: null, endDate: null, daysOfWeek: [1], windows: [{ start: '07:00', end: '08:00' }] }],
    }))).status).toBe(200);
    const snap = (await api('GET', '/api/v1/zones/zone-a/snapshot')).body as ScreenSnapshot;
    const offers = snap.boards.offers;
    expect(offers.map((o) => o.offerId).sort()).toEqual(['off-p-apples', 'off-p-bread', 'off-p-milk']);
    expect(offers.find((o) => o.offerId === 'off-p-milk')).toMatchObject({ priceMinor: 349, offerPriceMinor: 279, discountText: expect.any(String) });
    // The price board lists milk; vodka is restricted and p-nope unknown: left out.
    expect(snap.boards.prices).toEqual([{ productId: 'p-milk', name: expect.any(String), priceMinor: 349, offerPriceMinor: 279, discountText: expect.any(String) }]);
    expect(snap.boards).toMatchObject({ currency: 'USD', locale: 'en-US' });
    expect(JSON.stringify(snap)).not.toMatch(/cust-|Ana|Ben/);

    const url = await listen(t);
    const screen = await connectDevice(url, '/signage', store.screenA.token);
    try {
      const snapshots = collect<ScreenSnapshot>(screen, 'signage:snapshot');
      const pushed = nextEvent<SignageBoards>(screen, 'signage:boards');
      // An offer ends (status change in the offers domain's table) and the domain says so.
      await t.services.db.run("UPDATE offers SET status = 'ended' WHERE id = 'off-p-bread'");
      t.services.bus.publish('offers:changed', {});
      const boards = await pushed;
      expect(boards.offers.map((o) => o.offerId).sort()).toEqual(['off-p-apples', 'off-p-milk']);
      expect(snapshots).toEqual([]);
      expect((await api('GET', '/api/v1/zones/zone-a/snapshot')).body.boards.version).toBe(boards.version);
      // Nothing changed: nothing is pushed.
      const quiet = collect<SignageBoards>(screen, 'signage:boards');
      await t.services.signage.refreshBoards();
      expect(quiet).toEqual([]);
      // A catalogue price change reaches the price board on the next refresh.
      await t.services.db.run("UPDATE products SET price_minor = 399 WHERE id = 'p-milk'");
      const repriced = nextEvent<SignageBoards>(screen, 'signage:boards');
      await t.services.signage.refreshBoards();
      expect((await repriced).prices[0]).toMatchObject({ productId: 'p-milk', priceMinor: 399 });
    } finally {
      screen.close();
    }
  });

  it('leaves out offers of campaigns with a holdout and offers for a segment', async () => {
    const { t, api } = await setup();
    await t.services.db.run("INSERT INTO campaigns (id, name, starts_on, ends_on, holdout_pct, priority, status, created_at) VALUES ('cmp-h', 'Held out', '2000-01-01', '2999-12-31', 20, 0, 'live', '2026-01-01T00:00:00Z')");
    await t.services.db.run("UPDATE offers SET campaign_id = 'cmp-h' WHERE id = 'off-p-milk'");
    await t.services.db.run("UPDATE offers SET segment = 'vip' WHERE id = 'off-p-bread'");
    t.services.offers.invalidate();
    const snap = (await api('GET', '/api/v1/zones/zone-a/snapshot')).body as ScreenSnapshot;
    expect(snap.boards.offers.map((o) => o.offerId)).toEqual(['off-p-apples']);
  });
});

describe('the sliding 48 h window', () => {
  it('pushes the snapshot again when the window reaches media the screens do not have yet', async () => {
    const { t, createLayout, api } = await setup();
    const later = await createLayout({ ...tickerLayout, name: 'Later', regions: [{ regionId: 'main', slides: [{ id: 'l', kind: 'image', media: { mediaId: null, url: '/media/library/later.jpg', sha256: HASH }, title: '', body: '', durationMs: 5000 }] }, tickerLayout.regions[1]!] });
    let now = Date.parse('2026-06-01T12:00:00Z');
    const published: ScreenSnapshot[] = [];
    t.services.bus.on('content:snapshot-published', ({ snapshot }) => { published.push(snapshot); });
    const signage = new SignageService({
      repo: new ContentRepository(t.services.db), playlist: (z) => t.services.content.playlist(z), devices: t.services.devices, events: t.services.bus,
      boards: { boards: async (zoneId) => ({ zoneId, version: 'same', offers: [], prices: [], currency: 'USD', locale: 'en-US' }) }, timeZone: 'UTC', now: () => now,
    });
    expect((await api('PUT', '/api/v1/zones/zone-a/schedule', schedule({ entries: [{ id: 'x', label: '', layoutId: later.id, priority: 'scheduled', startDate: '2026-06-04', endDate: null, daysOfWeek: [0, 1, 2, 3, 4, 5, 6], windows: [{ start: '09:00', end: '10:00' }] }] }))).status).toBe(200);
    published.length = 0;
    expect((await signage.snapshot('zone-a')).manifest.map((m) => m.url)).not.toContain('/media/library/later.jpg');
    await signage.refreshBoards();
    expect(published.filter((s) => s.zoneId === 'zone-a')).toEqual([]);
    // A day later (past the 5 minute reuse), 4 June 09:00 is within 48 h.
    now += 24 * 3_600_000;
    await signage.refreshBoards();
    const pushed = published.filter((s) => s.zoneId === 'zone-a');
    expect(pushed).toHaveLength(1);
    expect(pushed[0]!.manifest.map((m) => m.url)).toContain('/media/library/later.jpg');
    await signage.refreshBoards();
    expect(published.filter((s) => s.zoneId === 'zone-a')).toHaveLength(1);
  });
});
