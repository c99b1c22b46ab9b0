import { describe, expect, it } from 'vitest';
import type { PublishedCampaign } from '@vitrina/contracts';
import { buildCampaignPublish, chainId, draftOfPublished, newCampaignDraft, newOfferDraft } from './campaign-draft';

const published: PublishedCampaign = {
  publication: {
    id: 'pub-1', kind: 'campaigns', entityId: 'cmp-1', version: 3, target: { scope: 'region', region: 'north' }, storeIds: ['s1', 's2'],
    subjects: ['vitrina.down.region.north.campaigns'], summary: '', publishedAt: '2026-03-01T10:00:00.000Z', publishedBy: 'mia',
  },
  payload: {
    campaign: { id: 'cmp-1', name: 'Spring', startsOn: '2026-03-01', endsOn: '2026-03-31', holdoutPct: 10, priority: 2, status: 'paused' },
    offers: [
      { offerId: 'o-1', productId: 'p-milk', title: 'Milk', discountKind: 'percent', discountValue: 15 },
      { offerId: 'o-2', productId: 'p-tv', title: 'TV', discountKind: 'amount', discountValue: 5000 },
    ],
  },
};

describe("head office's campaign form", () => {
  it('round-trips a published campaign: editing nothing re-publishes the same campaign, offers and target', () => {
    const d = draftOfPublished(published);
    expect(d).toMatchObject({ id: 'cmp-1', version: 3, holdoutPct: '10', priority: '2', status: 'paused', target: { scope: 'region', region: 'north' } });
    expect(d.offers[1]!.discountValue).toBe('50.00');
    expect(buildCampaignPublish(d)).toEqual({ request: { target: published.publication.target, payload: published.payload }, problems: [] });
  });

  it('keeps head office offer ids across an edit, so stores rewrite the same offer', () => {
    const d = draftOfPublished(published);
    d.offers[0] = { ...d.offers[0]!, discountValue: '25' };
    d.offers.splice(1, 1);
    d.offers.push({ ...newOfferDraft('o-3'), productId: 'p-bread', title: 'Bread' });
    const { request } = buildCampaignPublish(d);
    expect(request!.payload.offers!.map((o) => [o.offerId, o.discountValue])).toEqual([['o-1', 25], ['o-3', 10]]);
    expect(request!.payload.campaign.id).toBe('cmp-1');
  });

  it('gives a new campaign an id and lists every problem instead of publishing', () => {
    const d = { ...newCampaignDraft('2026-05-01'), name: 'May' };
    expect(buildCampaignPublish(d, (p) => `${p}-x`).request!.payload.campaign).toMatchObject({ id: 'cmp-x', startsOn: '2026-05-01', endsOn: '2026-05-28', holdoutPct: 10, status: 'live' });
    const bad = { ...d, name: ' ', holdoutPct: '101', priority: 'high', endsOn: '2026-04-01', target: { scope: 'stores' as const, region: '', storeIds: [] }, offers: [{ ...newOfferDraft('o'), discountValue: '0' }] };
    const { request, problems } = buildCampaignPublish(bad);
    expect(request).toBeNull();
    expect(problems).toHaveLength(8); // name, end before start, holdout, priority, product, title, value, target
  });

  it('makes ids the contract accepts', () => {
    expect(chainId('cmp', 1_700_000_000_000, () => 0.123456789)).toMatch(/^cmp-[a-z0-9]+$/);
  });
});
