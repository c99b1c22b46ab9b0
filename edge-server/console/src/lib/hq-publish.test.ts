import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { PublishSignageRequest, type MediaItem } from '@vitrina/contracts';
import { catalogRequests, chainLayoutId, chunks, draftKindsFor, signageRequest, type SignageDraft } from './hq-publish';

const image: MediaItem = {
  id: 'a'.repeat(64), kind: 'image', mime: 'image/png', name: 'spring.png', bytes: 10, width: 10, height: 10, durationMs: null,
  url: `/media/lib/${'a'.repeat(64)}.png`, thumbnailUrl: null, tags: [], validFrom: null, validTo: null, usedIn: 0, createdAt: '2026-01-01T00:00:00.000Z',
};
const media = new Map([[image.id, image]]);
const draft: SignageDraft = {
  name: 'Spring sale', template: 'main-ticker', zoneId: 'entrance', when: { kind: 'always' },
  regions: { main: [{ kind: 'image', mediaId: image.id, title: 'Spring', seconds: 8 }], ticker: [{ kind: 'ticker', text: 'Every store', seconds: 10 }] },
};

describe('head-office publishing helpers', () => {
  it('splits previews into messages within the contract limits, products before prices', () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    const products = Array.from({ length: 10_001 }, (_, i) => ({ id: `p${i}`, name: `P ${i}` }));
    const r = catalogRequests({ scope: 'all' }, { products, prices: [{ productId: 'p1', priceMinor: 100 }] });
    expect(r.catalog.map((c) => c.payload.products.length)).toEqual([10_000, 1]);
    expect(r.prices).toEqual([{ target: { scope: 'all' }, payload: { prices: [{ productId: 'p1', priceMinor: 100 }] } }]);
  });

  it('turns the form into a valid signage request: library media refs, the layout as the zone default or in a daily window', () => {
    const req = signageRequest(draft, { scope: 'region', region: 'north' }, media)!;
    expect(Value.Check(PublishSignageRequest, req)).toBe(true);
    expect(req.layouts[0]!.regions[0]!.slides[0]).toEqual({ id: 'main-1', kind: 'image', media: { mediaId: image.id, url: image.url, sha256: image.id }, title: 'Spring', body: '', durationMs: 8000 });
    expect(req.schedule.defaultLayoutId).toBe(req.layouts[0]!.id);
    const daily = signageRequest({ ...draft, when: { kind: 'daily', start: '08:00', end: '11:00' } }, { scope: 'all' }, media)!;
    expect(Value.Check(PublishSignageRequest, daily)).toBe(true);
    expect(daily.schedule).toMatchObject({ defaultLayoutId: null, entries: [{ layoutId: req.layouts[0]!.id, windows: [{ start: '08:00', end: '11:00' }] }] });
  });

  it('has nothing to publish without a name, a target or a slide', () => {
    expect(signageRequest({ ...draft, name: ' ' }, { scope: 'all' }, media)).toBeNull();
    expect(signageRequest(draft, null, media)).toBeNull();
    expect(signageRequest({ ...draft, regions: { main: [{ kind: 'image', mediaId: 'gone', title: '', seconds: 5 }] } }, { scope: 'all' }, media)).toBeNull();
  });

  it('gives a layout the same id for the same name (a republication replaces it) and a valid id for any name', () => {
    expect(chainLayoutId('Spring sale')).toBe(chainLayoutId('Spring sale'));
    expect(chainLayoutId('Весна')).toMatch(/^hq-layout-[0-9a-z]+$/);
    expect(chainLayoutId('Весна')).not.toBe(chainLayoutId('Осень'));
    expect(draftKindsFor('main-ticker', 'ticker')).toEqual(['ticker']);
    expect(draftKindsFor('main-ticker', 'main')).toEqual(['image', 'message']);
  });
});
