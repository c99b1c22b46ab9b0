import { describe, expect, it } from 'vitest';
import type { Layout, ScheduleEntry, SnapshotSchedule } from './signage-content.js';
import { localTimeOf, manifestWithin, nextPlanChange, planAt, planAtLocal, previousDate, slidePlayableAt, weekdayOf, type LocalTime } from './signage-schedule.js';

const HASH = 'a'.repeat(64);

function layout(id: string, mediaUrl?: string): Layout {
  return {
    id,
    name: id,
    template: 'full',
    regions: [
      {
        regionId: 'main',
        slides: mediaUrl
          ? [{ id: `${id}-img`, kind: 'image', media: { mediaId: `m-${id}`, url: mediaUrl, sha256: HASH }, title: '', body: '', durationMs: 5000 }]
          : [{ id: `${id}-msg`, kind: 'message', title: id, body: '', durationMs: 5000 }],
      },
    ],
    version: 'v1',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

function entry(over: Partial<ScheduleEntry> & Pick<ScheduleEntry, 'id' | 'layoutId'>): ScheduleEntry {
  return { label: over.id, priority: 'scheduled', startDate: null, endDate: null, daysOfWeek: [0, 1, 2, 3, 4, 5, 6], windows: [{ start: '00:00', end: '24:00' }], ...over };
}

function schedule(over: Partial<SnapshotSchedule> = {}): SnapshotSchedule {
  return {
    timeZone: 'UTC',
    defaultLayoutId: 'base',
    entries: [],
    power: [],
    layouts: [layout('base'), layout('breakfast'), layout('night'), layout('promo'), layout('alarm')],
    emergency: null,
    ...over,
  };
}

/** A wall-clock moment: `2026-03-06 07:30` (2026-03-06 is a Friday). */
function at(dateTime: string): LocalTime {
  const [date, time] = dateTime.split(' ') as [string, string];
  const [h, m] = time.split(':').map(Number) as [number, number];
  return { date, weekday: weekdayOf(date), minute: h * 60 + m };
}

const playing = (s: SnapshotSchedule, when: string) => {
  const plan = planAtLocal(s, at(when));
  return plan.state === 'sleep' ? 'sleep' : `${plan.source}:${plan.layout.id}`;
};

describe('calendar helpers', () => {
  it('knows weekdays and the day before, across months, years and leap days', () => {
    expect(weekdayOf('2026-03-06')).toBe(5); // Friday
    expect(weekdayOf('2026-03-08')).toBe(0); // Sunday
    expect(previousDate('2026-03-01')).toBe('2026-02-28');
    expect(previousDate('2028-03-01')).toBe('2028-02-29');
    expect(previousDate('2027-01-01')).toBe('2026-12-31');
  });
});

describe('localTimeOf reads the instant on the store’s wall clock', () => {
  it('gives the store-local date, weekday and minute, not UTC’s', () => {
    // 2026-03-07 03:30 UTC is still Friday 22:30 in New York (EST, UTC−5).
    expect(localTimeOf(Date.parse('2026-03-07T03:30:00Z'), 'America/New_York')).toEqual({ date: '2026-03-06', weekday: 5, minute: 22 * 60 + 30 });
    // …and already Saturday 06:30 in Moscow (UTC+3).
    expect(localTimeOf(Date.parse('2026-03-07T03:30:00Z'), 'Europe/Moscow')).toEqual({ date: '2026-03-07', weekday: 6, minute: 6 * 60 + 30 });
    expect(localTimeOf(Date.parse('2026-03-07T05:00:00Z'), 'America/New_York').minute).toBe(0);
  });

  it('keeps windows on the wall clock across a DST change (no minute arithmetic on instants)', () => {
    const s = schedule({ timeZone: 'America/New_York', entries: [entry({ id: 'bf', layoutId: 'breakfast', windows: [{ start: '07:00', end: '09:00' }] })] });
    // Sunday 2026-03-08 clocks jump 02:00 → 03:00 in New York. 07:00 local is 12:00Z the day before, 11:00Z after.
    expect(planAt(s, Date.parse('2026-03-07T12:00:00Z'))).toMatchObject({ source: 'scheduled', entryId: 'bf' });
    expect(planAt(s, Date.parse('2026-03-07T11:59:00Z'))).toMatchObject({ source: 'default' });
    expect(planAt(s, Date.parse('2026-03-08T11:00:00Z'))).toMatchObject({ source: 'scheduled', entryId: 'bf' });
    expect(planAt(s, Date.parse('2026-03-08T10:59:00Z'))).toMatchObject({ source: 'default' });
    // The boundary found by stepping minute by minute from Saturday night lands on 07:00 local Sunday (11:00Z).
    expect(nextPlanChange(s, Date.parse('2026-03-08T03:00:00Z'))?.atMs).toBe(Date.parse('2026-03-08T11:00:00Z'));
  });
});

/** What Intl says, with no caching: the reference localTimeOf must agree with. */
const reference = new Map<string, Intl.DateTimeFormat>();
function intlLocal(ms: number, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  let f = reference.get(timeZone);
  if (!f) reference.set(timeZone, (f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })));
  for (const p of f.formatToParts(new Date(ms))) parts[p.type] = p.value;
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  return { date, weekday: weekdayOf(date), minute: (Number(parts.hour) % 24) * 60 + Number(parts.minute) };
}

describe('localTimeOf agrees with Intl', () => {
  it('through a year and minute by minute around DST changes, in zones with odd offsets and half-hour DST', () => {
    for (const tz of ['America/New_York', 'Europe/Moscow', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/St_Johns']) {
      for (let t = Date.parse('2026-01-01T00:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += 3 * 3_600_000 + 7 * 60_000 + 13_000) {
        expect(localTimeOf(t, tz), `${tz} ${new Date(t).toISOString()}`).toEqual(intlLocal(t, tz));
      }
    }
    for (const [tz, around] of [['America/New_York', '2026-03-08T07:00:00Z'], ['America/New_York', '2026-11-01T06:00:00Z'], ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'], ['Australia/Lord_Howe', '2026-10-03T15:30:00Z']] as const) {
      for (let t = Date.parse(around) - 3 * 3_600_000; t < Date.parse(around) + 3 * 3_600_000; t += 60_000) {
        expect(localTimeOf(t, tz), `${tz} ${new Date(t).toISOString()}`).toEqual(intlLocal(t, tz));
      }
    }
  });
});

describe('the boundary sweep finds what a minute-by-minute sweep finds', () => {
  it('across DST changes, with a window inside the skipped hour', () => {
    const s = schedule({
      timeZone: 'America/New_York',
      entries: [
        entry({ id: 'skipped', layoutId: 'night', windows: [{ start: '02:30', end: '02:45' }] }),
        entry({ id: 'dawn', layoutId: 'breakfast', windows: [{ start: '03:10', end: '04:00' }] }),
        entry({ id: 'late', layoutId: 'promo', priority: 'interrupt', daysOfWeek: [0], windows: [{ start: '01:30', end: '01:40' }] }),
      ],
      power: [{ id: 'p', daysOfWeek: [6], start: '23:00', end: '00:30' }],
    });
    for (const from of [Date.parse('2026-03-07T12:00:00Z'), Date.parse('2026-10-31T12:00:00Z')]) {
      const brute: Array<{ atMs: number; key: string }> = [];
      let last = planAt(s, from).key;
      for (let t = Math.floor(from / 60_000) * 60_000 + 60_000; t <= from + 48 * 3_600_000; t += 60_000) {
        const key = planAtLocal(s, intlLocal(t, s.timeZone)).key;
        if (key !== last) brute.push({ atMs: t, key });
        last = key;
      }
      const swept: Array<{ atMs: number; key: string }> = [];
      let at = from;
      for (;;) {
        const next = nextPlanChange(s, at, from + 48 * 3_600_000 - at);
        if (!next) break;
        swept.push({ atMs: next.atMs, key: next.plan.key });
        at = next.atMs;
      }
      expect(swept).toEqual(brute);
      expect(brute.length).toBeGreaterThan(5);
    }
  });
});

describe('planAtLocal', () => {
  it('plays the default layout when nothing is scheduled', () => {
    expect(playing(schedule(), '2026-03-06 12:00')).toBe('default:base');
  });

  it('opens a same-day window at its start minute and closes it at its end minute', () => {
    const s = schedule({ entries: [entry({ id: 'bf', layoutId: 'breakfast', windows: [{ start: '07:00', end: '09:30' }] })] });
    expect(playing(s, '2026-03-06 06:59')).toBe('default:base');
    expect(playing(s, '2026-03-06 07:00')).toBe('scheduled:breakfast');
    expect(playing(s, '2026-03-06 09:29')).toBe('scheduled:breakfast');
    expect(playing(s, '2026-03-06 09:30')).toBe('default:base');
  });

  it('runs an overnight window into the next day, counted as the day it started', () => {
    // Fridays only, 22:00 → 02:00.
    const s = schedule({ entries: [entry({ id: 'n', layoutId: 'night', daysOfWeek: [5], windows: [{ start: '22:00', end: '02:00' }] })] });
    expect(playing(s, '2026-03-06 21:59')).toBe('default:base'); // Fri
    expect(playing(s, '2026-03-06 22:00')).toBe('scheduled:night');
    expect(playing(s, '2026-03-06 23:59')).toBe('scheduled:night');
    expect(playing(s, '2026-03-07 00:00')).toBe('scheduled:night'); // Sat morning, Friday's window
    expect(playing(s, '2026-03-07 01:59')).toBe('scheduled:night');
    expect(playing(s, '2026-03-07 02:00')).toBe('default:base');
    expect(playing(s, '2026-03-07 22:30')).toBe('default:base'); // Saturday evening: not a Friday
    expect(playing(s, '2026-03-06 01:00')).toBe('default:base'); // Friday morning belongs to Thursday
  });

  it('honours days of week', () => {
    const s = schedule({ entries: [entry({ id: 'we', layoutId: 'promo', daysOfWeek: [0, 6] })] });
    expect(playing(s, '2026-03-06 12:00')).toBe('default:base'); // Fri
    expect(playing(s, '2026-03-07 12:00')).toBe('scheduled:promo'); // Sat
    expect(playing(s, '2026-03-08 12:00')).toBe('scheduled:promo'); // Sun
    expect(playing(s, '2026-03-09 00:00')).toBe('default:base'); // Mon
  });

  it('honours an inclusive date range, with the overnight tail after its last day', () => {
    const s = schedule({
      entries: [entry({ id: 'sale', layoutId: 'promo', startDate: '2026-03-10', endDate: '2026-03-12', windows: [{ start: '20:00', end: '01:00' }] })],
    });
    expect(playing(s, '2026-03-10 00:30')).toBe('default:base'); // the tail of the 9th, before the range
    expect(playing(s, '2026-03-10 20:00')).toBe('scheduled:promo');
    expect(playing(s, '2026-03-12 23:00')).toBe('scheduled:promo');
    expect(playing(s, '2026-03-13 00:30')).toBe('scheduled:promo'); // the 12th's window runs on
    expect(playing(s, '2026-03-13 20:00')).toBe('default:base');
    const open = schedule({ entries: [entry({ id: 'from', layoutId: 'promo', startDate: '2026-03-10', endDate: null })] });
    expect(playing(open, '2026-03-09 23:59')).toBe('default:base');
    expect(playing(open, '2030-01-01 12:00')).toBe('scheduled:promo');
  });

  it('ranks emergency entries over interrupts over scheduled, and the first listed within a class', () => {
    const all = [
      entry({ id: 's1', layoutId: 'breakfast' }),
      entry({ id: 's2', layoutId: 'night' }),
      entry({ id: 'i1', layoutId: 'promo', priority: 'interrupt', windows: [{ start: '12:00', end: '12:05' }] }),
      entry({ id: 'e1', layoutId: 'alarm', priority: 'emergency', windows: [{ start: '12:02', end: '12:03' }] }),
    ];
    const s = schedule({ entries: all });
    expect(playing(s, '2026-03-06 11:59')).toBe('scheduled:breakfast');
    expect(playing(s, '2026-03-06 12:00')).toBe('interrupt:promo');
    expect(playing(s, '2026-03-06 12:02')).toBe('emergency:alarm');
    expect(playing(s, '2026-03-06 12:03')).toBe('interrupt:promo');
    expect(playing(s, '2026-03-06 12:05')).toBe('scheduled:breakfast');
    expect(playing(schedule({ entries: [all[1]!, all[0]!] }), '2026-03-06 11:59')).toBe('scheduled:night');
  });

  it('blanks the screen in a power window (overnight too), above every entry', () => {
    const s = schedule({
      power: [{ id: 'night', daysOfWeek: [0, 1, 2, 3, 4, 5, 6], start: '23:00', end: '06:00' }],
      entries: [entry({ id: 'e', layoutId: 'alarm', priority: 'emergency' })],
    });
    expect(planAtLocal(s, at('2026-03-06 23:00'))).toMatchObject({ state: 'sleep', powerWindowId: 'night', suppressTakeovers: true });
    expect(playing(s, '2026-03-07 05:59')).toBe('sleep');
    expect(playing(s, '2026-03-07 06:00')).toBe('emergency:alarm');
  });

  it('shows the emergency override over everything, sleep included, and suppresses takeovers', () => {
    const s = schedule({
      power: [{ id: 'all-day', daysOfWeek: [0, 1, 2, 3, 4, 5, 6], start: '00:00', end: '24:00' }],
      emergency: { id: 'fire', title: 'Please leave the store', body: 'Use the nearest exit.', startedAt: '2026-03-06T10:00:00.000Z' },
    });
    const plan = planAtLocal(s, at('2026-03-06 12:00'));
    expect(plan).toMatchObject({ state: 'play', source: 'emergency', suppressTakeovers: true, template: { id: 'full' } });
    if (plan.state !== 'play') throw new Error('unreachable');
    expect(plan.layout.regions[0]!.slides[0]).toMatchObject({ kind: 'message', title: 'Please leave the store', body: 'Use the nearest exit.' });
  });

  it('skips an entry whose layout the snapshot lacks, and never throws on a missing default', () => {
    const s = schedule({ defaultLayoutId: 'gone', layouts: [layout('breakfast')], entries: [entry({ id: 'x', layoutId: 'missing' })] });
    const plan = planAtLocal(s, at('2026-03-06 12:00'));
    expect(plan).toMatchObject({ state: 'play', source: 'default', layout: { id: 'gone' } });
  });

  it('gives equal keys to equal plans and different keys when the layout version changes', () => {
    const a = planAtLocal(schedule(), at('2026-03-06 12:00'));
    const b = planAtLocal(schedule(), at('2026-03-06 13:00'));
    expect(a.key).toBe(b.key);
    const changed = schedule({ layouts: [{ ...layout('base'), version: 'v2' }] });
    expect(planAtLocal(changed, at('2026-03-06 12:00')).key).not.toBe(a.key);
  });
});

describe('the 48 h manifest', () => {
  it('lists the media of every layout that can play within the horizon, and nothing beyond it', () => {
    const s = schedule({
      layouts: [layout('base', '/m/base.jpg'), layout('breakfast', '/m/bf.jpg'), layout('later', '/m/later.jpg'), layout('alarm', '/m/alarm.jpg')],
      entries: [
        entry({ id: 'bf', layoutId: 'breakfast', windows: [{ start: '07:00', end: '09:00' }] }),
        entry({ id: 'later', layoutId: 'later', startDate: '2026-03-20', endDate: null }),
      ],
    });
    const from = Date.parse('2026-03-06T12:00:00Z'); // Friday noon, UTC store
    const urls = manifestWithin(s, from).map((m) => m.url).sort();
    expect(urls).toEqual(['/m/base.jpg', '/m/bf.jpg']);
    expect(manifestWithin(s, from)[0]).toMatchObject({ sha256: HASH, kind: 'image' });
    // Two weeks later the dated entry is inside the horizon and wins all day.
    expect(manifestWithin(s, Date.parse('2026-03-19T12:00:00Z')).map((m) => m.url).sort()).toEqual(['/m/base.jpg', '/m/bf.jpg', '/m/later.jpg']);
  });

  it('leaves out media whose play window misses the 48 h, and skips slides outside their window', () => {
    const base = layout('base', '/m/base.jpg');
    const slide = base.regions[0]!.slides[0]!;
    if (slide.kind !== 'image') throw new Error('unreachable');
    const from = Date.parse('2026-03-06T12:00:00Z');
    const expired = { ...base, regions: [{ regionId: 'main', slides: [{ ...slide, media: { ...slide.media, validTo: '2026-03-06T11:00:00.000Z' } }] }] };
    expect(manifestWithin(schedule({ layouts: [expired] }), from)).toEqual([]);
    const later = { ...base, regions: [{ regionId: 'main', slides: [{ ...slide, media: { ...slide.media, validFrom: '2026-03-07T12:00:00.000Z' } }] }] };
    expect(manifestWithin(schedule({ layouts: [later] }), from)).toHaveLength(1);
    const laterSlide = later.regions[0]!.slides[0]!;
    expect(slidePlayableAt(laterSlide, from)).toBe(false);
    expect(slidePlayableAt(laterSlide, Date.parse('2026-03-07T12:00:00Z'))).toBe(true);
    expect(slidePlayableAt({ id: 'm', kind: 'message', title: '', body: '', durationMs: 1000 }, from)).toBe(true);
  });

  it('finds the next boundary minute', () => {
    const s = schedule({ entries: [entry({ id: 'bf', layoutId: 'breakfast', windows: [{ start: '07:00', end: '09:00' }] })] });
    const next = nextPlanChange(s, Date.parse('2026-03-06T06:58:30Z'));
    expect(next?.atMs).toBe(Date.parse('2026-03-06T07:00:00Z'));
    expect(next?.plan).toMatchObject({ source: 'scheduled', entryId: 'bf' });
    expect(nextPlanChange(schedule(), Date.parse('2026-03-06T06:58:30Z'))).toBeNull();
  });
});
