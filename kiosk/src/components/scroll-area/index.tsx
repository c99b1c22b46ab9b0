import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import styles from './style.module.css';

interface Props {
  /** Name of the scrolling region for screen readers (it takes keyboard focus so arrows scroll it). */
  label: string;
  /** Words on the "there is more below" button, e.g. "More offers". */
  moreLabel: string;
  /** Words on the button once the end is reached, e.g. "Back to the top". */
  topLabel: string;
  children: ComponentChildren;
}

/** Everything fits / more below / scrolled to the end. */
type Overflow = 'none' | 'more' | 'end';

function overflowOf(el: HTMLElement): Overflow {
  if (el.scrollHeight <= el.clientHeight + 4) return 'none';
  return el.scrollTop + el.clientHeight < el.scrollHeight - 4 ? 'more' : 'end';
}

/**
 * A list that may be longer than the screen: it scrolls inside its own box (touch, wheel, or
 * arrow keys once focused) and says so. While there is more below, the bottom edge fades and a
 * "More … ↓" button under the list scrolls on; at the end it becomes "Back to the top ↑". The
 * button sits below the list, never over a card, and only when the list does not fit.
 */
export function ScrollArea({ label, moreLabel, topLabel, children }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [overflow, setOverflow] = useState<Overflow>('none');
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const update = () => setOverflow(overflowOf(el));
    update();
    el.addEventListener('scroll', update, { passive: true });
    // The box and its content both change size: a rotation, larger text, cards added or clipped.
    const sizes = new ResizeObserver(update);
    sizes.observe(el);
    for (const child of el.children) sizes.observe(child);
    return () => {
      el.removeEventListener('scroll', update);
      sizes.disconnect();
    };
  }, []);
  const move = () => {
    const el = box.current;
    if (!el) return;
    if (overflow === 'end') el.scrollTo({ top: 0, behavior: 'smooth' });
    else el.scrollBy({ top: el.clientHeight * 0.8, behavior: 'smooth' });
  };
  return (
    <div class={styles.area} data-testid="scroll-area" data-overflow={overflow}>
      <div ref={box} class={`${styles.box} ${overflow === 'more' ? styles.fade : ''}`} role="region" aria-label={label} tabIndex={0}>
        {children}
      </div>
      {overflow !== 'none' && (
        <button type="button" class={styles.hint} data-testid="scroll-more" onClick={move}>
          {overflow === 'more' ? moreLabel : topLabel}
          <svg viewBox="0 0 24 24" aria-hidden="true" class={`${styles.arrow} ${overflow === 'end' ? styles.up : ''}`}>
            <path fill="none" stroke="currentColor" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round" d="M12 5v14m-6-6 6 6 6-6" />
          </svg>
        </button>
      )}
    </div>
  );
}
