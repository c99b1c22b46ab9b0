import { describe, expect, it } from 'vitest';
import type { ScheduleEntry } from '@vitrina/contracts';
import { checkSchedule, firstOverlap } from './validate-schedule.js';

const every = [0, 1, 2, 3, 4, 5, 6];
function e(id: string, over: Partial<ScheduleEntry>): ScheduleEntry {
  return { id, label: id, layoutId: 'l', priority: 'emergency', startDate: null, endDate: null, daysOfWeek: every, windows: [{ start: '00:00', end: '24:00' }], ...over };
}

describe('firstOverlap of two emergency entries', () => {
  it('finds windows that meet on the same day, and not ones that only touch', () => {
    expect(firstOverlap(e('a', { windows: [{ start: '10:00', end: '12:00' }] }), e('b', { windows: [{ start: '11:59', end: '13:00' }] }))).toMatch(/ 11:59$/);
    expect(firstOverlap(e('a', { windows: [{ start: '10:00', end: '12:00' }] }), e('b', { windows: [{ start: '12:00', end: '13:00' }] }))).toBeNull();
  });

  it('follows an overnight window into the next day, even past the last day of its range', () => {
    const night = e('a', { startDate: '2026-03-01', endDate: '2026-03-05', windows: [{ start: '23:00', end: '02:00' }] });
    expect(firstOverlap(night, e('b', { startDate: '2026-03-06', endDate: '2026-03-06', windows: [{ start: '01:00', end: '01:30' }] }))).toBe('2026-03-06 01:00');
    expect(firstOverlap(night, e('b', { startDate: '2026-03-07', endDate: null, windows: [{ start: '01:00', end: '01:30' }] }))).toBeNull();
  });

  it('needs both the date ranges and the days of week to meet', () => {
    expect(firstOverlap(e('a', { startDate: '2026-03-01', endDate: '2026-03-10' }), e('b', { startDate: '2026-03-11', endDate: null }))).toBeNull();
    expect(firstOverlap(e('a', { daysOfWeek: [1, 3] }), e('b', { daysOfWeek: [2, 4] }))).toBeNull();
    // Far apart date bounds: the weekly pattern inside the shared range still meets on Wednesdays.
    expect(firstOverlap(e('a', { startDate: '2026-01-01', endDate: '2026-12-31', daysOfWeek: [3] }), e('b', { startDate: '2026-06-01', daysOfWeek: [3], windows: [{ start: '18:00', end: '19:00' }] }))).toBe('2026-06-03 18:00');
  });

  it('lets scheduled and interrupt entries overlap freely (priority decides), only emergencies are checked', () => {
    expect(() => checkSchedule({ defaultLayoutId: null, power: [], entries: [e('a', { priority: 'scheduled' }), e('b', { priority: 'scheduled' }), e('c', { priority: 'interrupt' })] })).not.toThrow();
    expect(() => checkSchedule({ defaultLayoutId: null, power: [], entries: [e('a', {}), e('b', {})] })).toThrow(/both on/);
  });
});
