import { useLayoutEffect, useState } from 'preact/hooks';
import type { SignageBoards, Slide } from '@vitrina/contracts';
import { CROSSFADE_MS } from '../../config';
import { useLoop, type LoopOptions } from '../../lib/use-loop';
import { ContentSlide } from '../content-slide';
import styles from './style.module.css';

interface Props extends LoopOptions<Slide> {
  slides: readonly Slide[];
  boards: SignageBoards | null;
}

/**
 * One region's loop. The previous slide stays underneath while the new one fades in on top,
 * which gives the crossfade without ever showing black between slides. The loop switches only
 * to slides that `canPlay` (media cached); if none can, the current one stays.
 */
export function RegionLoop({ slides, boards, ...loop }: Props) {
  const { item, skip } = useLoop(slides, loop);
  const [leaving, setLeaving] = useState<Slide | null>(null);
  const [shown, setShown] = useState<Slide | undefined>(item);

  // Layout effect: the leaving slide must be in place before the browser paints the new one.
  useLayoutEffect(() => {
    if (item?.id === shown?.id) return;
    setLeaving(shown ?? null);
    setShown(item);
    const t = setTimeout(() => setLeaving(null), CROSSFADE_MS);
    return () => clearTimeout(t);
  }, [item]);

  const messages = slides.filter((x) => x.kind === 'message').map((x) => x.id);
  const theme = (s: Slide) => Math.max(0, messages.indexOf(s.id));

  return (
    <>
      {leaving && (
        <div class={styles.layer} key={`leaving-${leaving.id}`}>
          <ContentSlide slide={leaving} boards={boards} theme={theme(leaving)} current={false} onBroken={() => undefined} />
        </div>
      )}
      {item && (
        <div class={`${styles.layer} ${styles.entering}`} key={item.id}>
          <ContentSlide slide={item} boards={boards} theme={theme(item)} current onBroken={skip} />
        </div>
      )}
    </>
  );
}
