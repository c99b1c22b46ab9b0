import type { SignageBoards, Slide } from '@vitrina/contracts';
import { OffersBoard, PriceBoard } from '../boards';
import styles from './style.module.css';

interface Props {
  slide: Slide;
  boards: SignageBoards | null;
  /** Which of the message themes to use, so consecutive messages look different. */
  theme: number;
  current: boolean;
  onBroken: (id: string) => void;
}

const THEMES = [styles.themeGreen, styles.themeGold, styles.themeCream];

/**
 * One slide of a region, any kind, sized to its region (container query units), so the same
 * slide reads well full screen and in a side panel.
 */
export function ContentSlide({ slide, boards, theme, current, onBroken }: Props) {
  const testid = current ? 'slide' : 'slide-leaving';
  const common = { 'data-testid': testid, 'data-item-id': slide.id, 'data-kind': slide.kind };
  switch (slide.kind) {
    case 'message':
      return (
        <section class={`${styles.slide} ${styles.message} ${THEMES[theme % THEMES.length]}`} {...common}>
          <div class={styles.messageInner}>
            <span class={styles.rule} aria-hidden="true" />
            <h1>{slide.title}</h1>
            {slide.body && <p>{slide.body}</p>}
          </div>
        </section>
      );
    case 'image':
    case 'video': {
      const title = slide.title;
      const body = slide.kind === 'image' ? slide.body : '';
      return (
        <section class={`${styles.slide} ${styles.media}`} {...common} data-media={slide.media.url}>
          {slide.kind === 'image' ? (
            <img src={slide.media.url} alt={title} onError={() => onBroken(slide.id)} />
          ) : (
            // Muted autoplay is what browsers allow without a user gesture; a screen has none.
            <video src={slide.media.url} autoplay muted loop playsInline aria-label={title || undefined} onError={() => onBroken(slide.id)} />
          )}
          {(title || body) && (
            <div class={styles.caption}>
              {title && <h2>{title}</h2>}
              {body && <p>{body}</p>}
            </div>
          )}
        </section>
      );
    }
    case 'offers-board':
      return (
        <section class={`${styles.slide} ${styles.board}`} {...common}>
          <OffersBoard title={slide.title} offers={(boards?.offers ?? []).slice(0, slide.maxOffers)} />
        </section>
      );
    case 'price-board':
      return (
        <section class={`${styles.slide} ${styles.board}`} {...common}>
          <PriceBoard title={slide.title} productIds={slide.productIds} boards={boards} />
        </section>
      );
    case 'ticker':
      // Tickers play in their own region (components/ticker); in a main region they read as a message.
      return (
        <section class={`${styles.slide} ${styles.message} ${styles.themeGreen}`} {...common}>
          <div class={styles.messageInner}>
            <h1>{slide.text}</h1>
          </div>
        </section>
      );
  }
}
