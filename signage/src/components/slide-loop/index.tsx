import { useLayoutEffect, useState } from 'preact/hooks';
import type { PlaylistItem } from '@vitrina/contracts';
import { CROSSFADE_MS } from '../../config';
import { useLoop } from '../../lib/use-loop';
import { Slide } from '../slide';
import styles from './style.module.css';

/**
 * The content loop. The previous slide stays underneath while the new one fades in
 * on top, which gives the crossfade without ever showing black between slides.
 */
export function SlideLoop({ items }: { items: readonly PlaylistItem[] }) {
  const { item, skip } = useLoop(items);
  const [leaving, setLeaving] = useState<PlaylistItem | null>(null);
  const [shown, setShown] = useState<PlaylistItem | undefined>(item);

  // Layout effect: the leaving slide must be in place before the browser paints the new one.
  useLayoutEffect(() => {
    if (item?.id === shown?.id) return;
    setLeaving(shown ?? null);
    setShown(item);
    const t = setTimeout(() => setLeaving(null), CROSSFADE_MS);
    return () => clearTimeout(t);
  }, [item]);

  const theme = (it: PlaylistItem) => Math.max(0, items.filter((x) => x.kind === 'message').indexOf(it));

  return (
    <main class={styles.loop} data-testid="signage-loop">
      {leaving && (
        <div class={styles.layer} key={`leaving-${leaving.id}`}>
          <Slide item={leaving} theme={theme(leaving)} current={false} onBroken={() => undefined} />
        </div>
      )}
      {item && (
        <div class={`${styles.layer} ${styles.entering}`} key={item.id}>
          <Slide item={item} theme={theme(item)} current onBroken={skip} />
        </div>
      )}
    </main>
  );
}
