import type { Slide } from '@vitrina/contracts';
import { useLoop, type LoopOptions } from '../../lib/use-loop';
import styles from './style.module.css';

type TickerSlide = Extract<Slide, { kind: 'ticker' }>;

/** The bottom ticker: each ticker slide's text scrolls across once per its duration, then the next. */
export function Ticker({ slides, ...loop }: { slides: readonly Slide[] } & LoopOptions<Slide>) {
  const texts = slides.filter((s): s is TickerSlide => s.kind === 'ticker');
  const { item } = useLoop<Slide>(texts, loop);
  if (!item || item.kind !== 'ticker') return null;
  return (
    <div class={styles.ticker} data-testid="ticker" data-item-id={item.id}>
      {/* Keyed, so the scroll starts over for each text (and each pass of a one-text ticker). */}
      <p class={styles.text} key={item.id} style={{ animationDuration: `${item.durationMs}ms` }}>
        {item.text}
      </p>
    </div>
  );
}
