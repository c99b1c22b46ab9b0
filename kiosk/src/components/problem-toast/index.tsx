import { friendlyMessage, type ProblemKey } from '../../lib/error-messages';
import { useT } from '../../lib/use-t';
import styles from './style.module.css';

interface Props {
  problemKey: ProblemKey;
  onDismiss: () => void;
}

/** A friendly, dismissible message for a failed scan or request, keyed by error code. */
export function ProblemToast({ problemKey, onDismiss }: Props) {
  const { t } = useT();
  const msg = friendlyMessage(problemKey, t);
  return (
    <div class={styles.wrap}>
      <div class={styles.toast} role="alert" data-testid="kiosk-error" data-error-code={problemKey}>
        <span class={styles.icon} aria-hidden="true">
          !
        </span>
        <div class={styles.text}>
          <strong>{msg.title}</strong>
          <span>{msg.hint}</span>
        </div>
        <button class={styles.close} data-testid="kiosk-error-dismiss" aria-label={t('problem.dismiss')} onClick={onDismiss}>
          ×
        </button>
      </div>
    </div>
  );
}
