import { useState } from 'preact/hooks';
import styles from './style.module.css';

/**
 * The product's picture from the catalogue, or — when it has none, or the file does not load —
 * a drawn placeholder with the name's first letter: never a broken-image icon. The name is
 * written beside it, so the picture is decorative (empty alt).
 */
export function ProductImage({ src, name }: { src: string | null; name: string }) {
  const [failed, setFailed] = useState(false);
  if (src && !failed) {
    return <img class={styles.image} src={src} alt="" decoding="async" onError={() => setFailed(true)} data-testid="offer-image" />;
  }
  return (
    <div class={`${styles.image} ${styles.placeholder}`} aria-hidden="true" data-testid="offer-image-placeholder">
      {name.trim().charAt(0).toUpperCase() || '•'}
    </div>
  );
}
