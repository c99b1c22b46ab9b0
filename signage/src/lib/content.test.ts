import { describe, expect, it } from 'vitest';
import type { Layout, Slide } from '@vitrina/contracts';
import { canPlaySlide, layoutReady, loopLayout, parseSnapshot, playReason } from './content';

const image = (id: string, url: string): Slide => ({ id, kind: 'image', media: { mediaId: null, url, sha256: null }, title: '', body: '', durationMs: 5000 });
const message: Slide = { id: 'm', kind: 'message', title: 'Hi', body: '', durationMs: 5000 };

describe('content', () => {
  const cached = new Set(['/media/a.webp']);
  const isCached = (u: string) => cached.has(u);

  it('plays a slide only when its library media is cached; bundled files and messages always', () => {
    expect(canPlaySlide(image('a', '/media/a.webp'), isCached)).toBe(true);
    expect(canPlaySlide(image('b', '/media/b.webp'), isCached)).toBe(false);
    expect(canPlaySlide(image('d', '/signage/default/fresh.svg'), isCached)).toBe(true);
    expect(canPlaySlide(message, isCached)).toBe(true);
  });

  it('calls a layout ready when each region with slides has one that can play', () => {
    const layout = (slides: Slide[][]): Layout => ({ id: 'l', name: 'l', template: 'main-side', version: '1', updatedAt: '', regions: slides.map((s, i) => ({ regionId: `r${i}`, slides: s })) });
    expect(layoutReady(layout([[image('b', '/media/b.webp'), message], []]), isCached)).toBe(true);
    expect(layoutReady(layout([[message], [image('b', '/media/b.webp')]]), isCached)).toBe(false);
  });

  it('maps plan sources to proof-of-play reasons', () => {
    expect([playReason('default'), playReason('scheduled'), playReason('interrupt'), playReason('emergency'), playReason('fallback')]).toEqual(['scheduled', 'scheduled', 'scheduled', 'emergency', 'fallback']);
  });

  it('turns a classic playlist into a full-screen layout', () => {
    const l = loopLayout('loop', [{ id: 'v', kind: 'video', src: '/media/v.webm', title: 'V', body: '', durationMs: 9000 }]);
    expect(l.template).toBe('full');
    expect(l.regions[0]?.slides[0]).toEqual({ id: 'v', kind: 'video', media: { mediaId: null, url: '/media/v.webm', sha256: null }, title: 'V', durationMs: 9000 });
  });

  it('refuses a snapshot without its schedule or with a time zone the browser cannot read', () => {
    const good = { zoneId: 'z', version: '1', manifest: [], boards: {}, schedule: { timeZone: 'Europe/Moscow', defaultLayoutId: 'l', entries: [], power: [], layouts: [], emergency: null } };
    expect(parseSnapshot(good)).not.toBeNull();
    expect(parseSnapshot({ ...good, schedule: undefined })).toBeNull();
    expect(parseSnapshot({ ...good, schedule: { ...good.schedule, timeZone: 'Mars/Olympus' } })).toBeNull();
    expect(parseSnapshot('x')).toBeNull();
  });
});
