import type { PlaylistItem } from '@vitrina/contracts';
import styles from './style.module.css';

interface Props {
  item: PlaylistItem;
  /** Which of the message themes to use, so consecutive messages look different. */
  theme: number;
  current: boolean;
  onBroken: (id: string) => void;
}

const THEMES = [styles.themeGreen, styles.themeGold, styles.themeCream];

/** One loop item, full screen: a message slide, an image, or a muted video. */
export function Slide({ item, theme, current, onBroken }: Props) {
  const testid = current ? 'slide' : 'slide-leaving';
  const caption = (item.title || item.body) && (
    <div class={styles.caption}>
      {item.title && <h2>{item.title}</h2>}
      {item.body && <p>{item.body}</p>}
    </div>
  );
  if (item.kind === 'message') {
    return (
      <section class={`${styles.slide} ${styles.message} ${THEMES[theme % THEMES.length]}`} data-testid={testid} data-item-id={item.id} data-kind="message">
        <div class={styles.messageInner}>
          <span class={styles.rule} aria-hidden="true" />
          <h1>{item.title}</h1>
          {item.body && <p>{item.body}</p>}
        </div>
      </section>
    );
  }
  const src = item.src ?? '';
  return (
    <section class={`${styles.slide} ${styles.media}`} data-testid={testid} data-item-id={item.id} data-kind={item.kind}>
      {item.kind === 'image' ? (
        <img src={src} alt={item.title} onError={() => onBroken(item.id)} />
      ) : (
        <video src={src} autoplay muted loop playsInline onError={() => onBroken(item.id)} />
      )}
      {caption}
    </section>
  );
}
