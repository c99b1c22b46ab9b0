import type { StaffWithTemporaryPassword } from '@vitrina/contracts';
import { CopyButton } from '../../components/copy-button';
import style from './style.module.css';
import { useT } from '../../lib/use-t';

interface Props {
  result: StaffWithTemporaryPassword;
  /** "created" or "reset": only the heading differs. */
  action: 'created' | 'reset';
  onDone: () => void;
}

/** The temporary password, shown exactly once: the server keeps only its hash. */
export function TemporaryPassword({ result, action, onDone }: Props) {
  const { t } = useT();
  const who = result.user.displayName || result.user.username;
  return (
    <section class={style.result} data-testid="temporary-password-result" aria-labelledby="temporary-title">
      <h2 id="temporary-title">{action === 'created' ? t('staff.created', { user: result.user.username }) : t('staff.wasReset', { user: who })}</h2>
      <p>
        {t('staff.giveInPerson', { user: who })} <strong>{t('staff.shownOnce')}</strong> {action === 'reset' ? t('staff.mustChooseReset') : t('staff.mustChoose')}
      </p>
      <div class={style.tokenRow}>
        <span class={style.tokenLabel}>{t('staff.username')}</span>
        <code class={style.token}>{result.user.username}</code>
        <span />
      </div>
      <div class={style.tokenRow}>
        <span class={style.tokenLabel}>{t('staff.password')}</span>
        <code class={style.token} data-testid="temporary-password">
          {result.temporaryPassword}
        </code>
        <CopyButton text={result.temporaryPassword} label={t('common.copy')} testId="copy-temporary-password" />
      </div>
      <button type="button" class="btn" onClick={onDone} data-testid="temporary-password-done">
        {t('staff.done')}
      </button>
    </section>
  );
}
