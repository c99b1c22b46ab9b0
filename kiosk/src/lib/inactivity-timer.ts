/**
 * Inactivity timer for shopper screens (WCAG 2.2.1 Timing Adjustable): after `idleMs`
 * without activity the shopper is warned, with a countdown of `warningMs`, and can extend
 * with one simple action; if nobody does, the screen resets.
 *
 * States: stopped → active → warning → expired. `activity()` and `extend()` go back to active.
 * Time comes only from setTimeout/setInterval so tests can drive it with fake timers.
 */
export type InactivityPhase = 'stopped' | 'active' | 'warning' | 'expired';

export interface InactivityOptions {
  /** Quiet time before the warning appears. */
  idleMs: number;
  /** How long the warning stays up (and counts down) before the reset. */
  warningMs: number;
  onChange: (state: InactivityState) => void;
  onExpire: () => void;
}

export interface InactivityState {
  phase: InactivityPhase;
  /** Whole seconds left on the warning countdown (0 outside the warning). */
  secondsLeft: number;
}

export class InactivityTimer {
  private phase: InactivityPhase = 'stopped';
  private secondsLeft = 0;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private countdown: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly opts: InactivityOptions) {}

  get state(): InactivityState {
    return { phase: this.phase, secondsLeft: this.secondsLeft };
  }

  /** Begins (or restarts) watching for inactivity. */
  start(): void {
    this.clear();
    this.phase = 'active';
    this.secondsLeft = 0;
    this.idleTimer = setTimeout(() => this.warn(), this.opts.idleMs);
    this.emit();
  }

  /** Touch, key or scan: restarts the quiet period, also during the warning. */
  activity(): void {
    if (this.phase === 'active' || this.phase === 'warning') this.start();
  }

  /** The "I need more time" button. */
  extend(): void {
    this.activity();
  }

  stop(): void {
    this.clear();
    if (this.phase === 'stopped') return;
    this.phase = 'stopped';
    this.secondsLeft = 0;
    this.emit();
  }

  private warn(): void {
    this.phase = 'warning';
    this.secondsLeft = Math.ceil(this.opts.warningMs / 1000);
    this.emit();
    this.countdown = setInterval(() => {
      this.secondsLeft -= 1;
      if (this.secondsLeft <= 0) this.expire();
      else this.emit();
    }, 1000);
  }

  private expire(): void {
    this.clear();
    this.phase = 'expired';
    this.secondsLeft = 0;
    this.emit();
    this.opts.onExpire();
  }

  private clear(): void {
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
    if (this.countdown !== undefined) clearInterval(this.countdown);
    this.idleTimer = undefined;
    this.countdown = undefined;
  }

  private emit(): void {
    this.opts.onChange(this.state);
  }
}
