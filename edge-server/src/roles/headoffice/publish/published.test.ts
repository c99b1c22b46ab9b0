import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainCampaign, ChainPromotion, PublishedCampaign, PublishedPromotion } from '@vitrina/contracts';
import { loadConfig } from '../../../platform/config/load.js';
import { startNatsServer, type NatsServer } from '../../../test-support/hq-nats.js';
import { TEST_PASSWORD_COST } from '../../../test-support/build.js';
import { buildHeadOfficeApp, type HeadOfficeApp, type HeadOfficeServices } from '../index.js';

const v1: ChainCampaign = {
  campaign: { id: 'cmp-spring', name: 'Spring', startsOn: '2026-03-01', endsOn: '2026-03-31', holdoutPct: 10, status: 'live' },
  offers: [{ offerId: 'o-1', productId: 'p-milk', title: 'Milk 10%', discountKind: 'percent', discountValue: 10 }],
};
const promo: ChainPromotion = {
  promotionId: 'promo-apples', status: 'live',
  definition: {
    name: 'Apples', discount: { type: 'percent', value: 10 }, target: { scope: 'product', productIds: ['p-apples'] }, audience: { type: 'all' },
    conditions: { startsOn: '2026-03-01', endsOn: '2026-03-31' }, stacking: 'stackable', limits: {},
  },
};

describe('head office: what was published, at its last version, for the console to edit', () => {
  let nats: NatsServer;
  let app: HeadOfficeApp;
  let services: HeadOfficeServices;
  let dir: string;
  const as = async (role: 'admin' | 'marketer' | 'staff') => {
    await services.auth.createUser(`${role}-1`, 'correct horse battery', role);
    return { authorization: `Bearer ${(await services.auth.login(`${role}-1`, 'correct horse battery')).token}` };
  };

  beforeAll(async () => {
    nats = await startNatsServer();
    dir = mkdtempSync(join(tmpdir(), 'vitrina-hq-published-'));
    const config = loadConfig({}, { NODE_ENV: 'test', DATA_DIR: dir, LOG_LEVEL: 'silent', ROLE: 'headoffice', HQ_NATS_URL: nats.url, HQ_NATS_DIRECT: true });
    ({ app, services } = await buildHeadOfficeApp({ config, passwordCost: TEST_PASSWORD_COST }));
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await nats?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists each campaign and promotion once, at its last version with the whole entity and its target', async () => {
    const admin = await as('admin');
    const marketer = await as('marketer');
    for (const [id, region] of [['s1', 'north'], ['s2', 'north'], ['s3', 'south']]) {
      expect((await app.inject({ method: 'PUT', url: '/api/v1/hq/stores', headers: admin, payload: { id, name: `Store ${id}`, region } })).statusCode).toBe(200);
    }
    const post = (path: string, payload: object) => app.inject({ method: 'POST', url: `/api/v1/hq/publish/${path}`, headers: marketer, payload });
    expect((await post('campaigns', { target: { scope: 'region', region: 'north' }, payload: v1 })).statusCode).toBe(201);
    const v2: ChainCampaign = { campaign: { ...v1.campaign, name: 'Spring, longer', endsOn: '2026-04-15' }, offers: [] };
    const second = await post('campaigns', { target: { scope: 'stores', storeIds: ['s3'] }, payload: v2 });
    expect(second.json()).toMatchObject({ version: 2, storeIds: ['s3'] });
    expect((await post('promotions', { target: { scope: 'all' }, payload: promo })).statusCode).toBe(201);

    const campaigns = (await app.inject({ method: 'GET', url: '/api/v1/hq/publish/campaigns', headers: marketer })).json() as PublishedCampaign[];
    expect(campaigns).toHaveLength(1);
    expect(campaigns[0]).toMatchObject({ publication: { kind: 'campaigns', entityId: 'cmp-spring', version: 2, target: { scope: 'stores', storeIds: ['s3'] }, publishedBy: 'marketer-1' }, payload: v2 });
    const promotions = (await app.inject({ method: 'GET', url: '/api/v1/hq/publish/promotions', headers: marketer })).json() as PublishedPromotion[];
    expect(promotions).toEqual([expect.objectContaining({ publication: expect.objectContaining({ entityId: 'promo-apples', version: 1, storeIds: ['s1', 's2', 's3'] }), payload: promo })]);

    // Staff who are neither admin nor marketer see nothing; nobody signed out does.
    expect((await app.inject({ method: 'GET', url: '/api/v1/hq/publish/campaigns', headers: await as('staff') })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/hq/publish/promotions' })).statusCode).toBe(401);
  });
});
