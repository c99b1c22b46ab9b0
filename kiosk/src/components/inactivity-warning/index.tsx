import { useEffect, useRef } from 'preact/hooks';
import { buttons } from '@vitrina/contracts/client';
import { useT } from '../../lib/use-t';
import styles from './style.module.css';

interface Props {
  secondsLeft: number;
  onExtend: () => void;
  onFinish: () => void;
}

/** "Are you still there?" — the WCAG 2.2.1 warning before the screen resets for privacy. */
export function InactivityWarning({ secondsLeft, onExtend, onFinish }: Props) {
  const { t } = useT();
  const extendRef = useRef<HTMLButtonElement>(null);
  useEffect(() => extendRef.current?.focus(), []);
  return (
    <div class={styles.backdrop}>
      <div class={styles.dialog} role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-text" data-testid="inactivity-warning">
        <div class={styles.ring} aria-hidden="true">
          <span data-testid="inactivity-seconds">{secondsLeft}</span>
        </div>
        <h2 id="idle-title">{t('idle.title')}</h2>
        <p id="idle-text">{t('idle.text', { count: secondsLeft })}</p>
        <div class={styles.actions}>
          <button ref={extendRef} class={`${buttons.primary} ${styles.extend}`} data-testid="extend-session" onClick={onExtend}>
            {t('idle.extend')}
          </button>
          <button class={`${buttons.ghost} ${styles.finish}`} data-testid="finish-session" onClick={onFinish}>
            {t('idle.done')}
          </button>
        </div>
      </div>
    </div>
  );
}
