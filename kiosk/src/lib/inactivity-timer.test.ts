import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InactivityTimer, type InactivityState } from './inactivity-timer';

function setup() {
  const states: InactivityState[] = [];
  const onExpire = vi.fn();
  const timer = new InactivityTimer({ idleMs: 25_000, warningMs: 20_000, onChange: (s) => states.push(s), onExpire });
  return { timer, states, onExpire };
}

describe('InactivityTimer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('warns after the idle time, counts down, then expires once', () => {
    const { timer, onExpire } = setup();
    timer.start();
    vi.advanceTimersByTime(24_999);
    expect(timer.state.phase).toBe('active');
    vi.advanceTimersByTime(1);
    expect(timer.state).toEqual({ phase: 'warning', secondsLeft: 20 });
    vi.advanceTimersByTime(5_000);
    expect(timer.state).toEqual({ phase: 'warning', secondsLeft: 15 });
    expect(onExpire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(15_000);
    expect(timer.state.phase).toBe('expired');
    expect(onExpire).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(120_000);
    expect(onExpire).toHaveBeenCalledTimes(1);
  });

  it('"I need more time" during the warning gives the full time back', () => {
    const { timer, onExpire } = setup();
    timer.start();
    vi.advanceTimersByTime(40_000);
    expect(timer.state.phase).toBe('warning');
    timer.extend();
    expect(timer.state.phase).toBe('active');
    vi.advanceTimersByTime(24_000);
    expect(timer.state.phase).toBe('active');
    vi.advanceTimersByTime(1_000 + 20_000);
    expect(onExpire).toHaveBeenCalledTimes(1);
  });

  it('activity keeps pushing the warning back', () => {
    const { timer, onExpire } = setup();
    timer.start();
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(20_000);
      timer.activity();
    }
    expect(timer.state.phase).toBe('active');
    expect(onExpire).not.toHaveBeenCalled();
  });

  it('stop cancels everything and activity does not restart a stopped timer', () => {
    const { timer, onExpire, states } = setup();
    timer.start();
    vi.advanceTimersByTime(30_000);
    timer.stop();
    timer.activity();
    vi.advanceTimersByTime(200_000);
    expect(timer.state.phase).toBe('stopped');
    expect(onExpire).not.toHaveBeenCalled();
    expect(states.at(-1)).toEqual({ phase: 'stopped', secondsLeft: 0 });
  });
});
