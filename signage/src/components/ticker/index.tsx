import type { Slide } from '@vitrina/contracts';
import { useLoop, type LoopOptions } from '../../lib/use-loop';
import styles from './style.module.css';

type TickerSlide = Extract<Slide, { kind: 'ticker' }>;

/** One pass across: a steady reading speed whatever the text's length (about 12 characters a second). */
const tickerPassMs = (text: string) => Math.max(6_000, text.length * 85);

/**
 * The bottom ticker: each ticker slide's text scrolls from the left edge out and comes round
 * again for as long as the slide lasts, then the next text. Never an empty band.
 */
export function Ticker({ slides, ...loop }: { slides: readonly Slide[] } & LoopOptions<Slide>) {
  const texts = slides.filter((s): s is TickerSlide => s.kind === 'ticker');
  const { item, tick } = useLoop<Slide>(texts, loop);
  if (!item || item.kind !== 'ticker') return null;
  return (
    <div class={styles.ticker} data-testid="ticker" data-item-id={item.id}>
      {/* Keyed by the step, so the scroll starts over for each text (and each pass of a one-text ticker). */}
      <p class={styles.text} key={`${item.id}:${tick}`} style={{ animationDuration: `${tickerPassMs(item.text)}ms` }}>
        {item.text}
      </p>
    </div>
  );
}
