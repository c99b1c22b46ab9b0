import styles from './style.module.css';

/** A power window: the screen is black by design (the store is closed), not broken. */
export function SleepScreen({ windowId }: { windowId: string }) {
  return <div class={styles.sleep} data-testid="sleep" data-power-window={windowId} aria-hidden="true" />;
}
