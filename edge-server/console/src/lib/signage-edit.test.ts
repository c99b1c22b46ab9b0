import { describe, expect, it } from 'vitest';
import { entryProblems, layoutProblems, moveSlide, newEntry, newLayout, newSlide, switchTemplate, toggleDay, updateRegion } from './signage-edit';

describe('layout drafts', () => {
  it('switching template keeps what the new regions accept and drops the rest', () => {
    let l = newLayout('main-ticker');
    l = updateRegion(l, 'main', [newSlide('message'), newSlide('offers-board')]);
    l = updateRegion(l, 'ticker', [newSlide('ticker')]);
    const side = switchTemplate(l, 'main-side');
    expect(side.regions.map((r) => r.regionId)).toEqual(['main', 'side']);
    expect(side.regions[0]!.slides.map((s) => s.kind)).toEqual(['message', 'offers-board']);
    expect(side.regions[1]!.slides).toEqual([]);
    expect(switchTemplate(l, 'full').regions.map((r) => r.regionId)).toEqual(['main']);
  });

  it('names every problem the server would refuse', () => {
    let l = newLayout('main-ticker');
    const img = newSlide('image');
    l = updateRegion(l, 'main', [img, { ...newSlide('message') }, { ...newSlide('price-board') }]);
    l = updateRegion(l, 'ticker', [newSlide('ticker')]);
    expect(layoutProblems(l).map((p) => p.key)).toEqual([
      'layouts.problems.name', 'layouts.problems.mediaUrl', 'layouts.problems.messageText', 'layouts.problems.products', 'layouts.problems.tickerText',
    ]);
    l = { ...l, name: 'Morning' };
    l = updateRegion(l, 'main', [{ ...img, kind: 'image', media: { mediaId: null, url: '//evil.example/x.png', sha256: 'nothex' } } as typeof img]);
    expect(layoutProblems(l).map((p) => p.key)).toEqual(['layouts.problems.mediaUrl', 'layouts.problems.hash', 'layouts.problems.tickerText']);
  });

  it('moves slides within bounds', () => {
    const [a, b] = [newSlide('message'), newSlide('ticker')];
    expect(moveSlide([a, b], 0, 1)).toEqual([b, a]);
    expect(moveSlide([a, b], 0, -1)).toEqual([a, b]);
  });
});

describe('schedule drafts', () => {
  it('refuses end before start, empty windows, bad times and no days', () => {
    const e = newEntry('lay_1');
    expect(entryProblems(e)).toEqual([]);
    expect(entryProblems({ ...e, startDate: '2026-05-02', endDate: '2026-05-01' })).toEqual(['schedule.problems.endBeforeStart']);
    expect(entryProblems({ ...e, windows: [{ start: '09:00', end: '09:00' }] })).toEqual(['schedule.problems.emptyWindow']);
    expect(entryProblems({ ...e, windows: [{ start: '24:00', end: '09:00' }] })).toEqual(['schedule.problems.time']);
    expect(entryProblems({ ...e, daysOfWeek: [] })).toEqual(['schedule.problems.days']);
    // Overnight is fine.
    expect(entryProblems({ ...e, windows: [{ start: '22:00', end: '02:00' }] })).toEqual([]);
  });

  it('toggles days in order', () => {
    expect(toggleDay([1, 3], 2)).toEqual([1, 2, 3]);
    expect(toggleDay([1, 2, 3], 2)).toEqual([1, 3]);
  });
});
