import type { StaffUser } from '@vitrina/contracts';
import { ChangePasswordForm } from './change-password-form';
import style from './style.module.css';
import { useT } from '../../lib/use-t';

interface Props {
  user: StaffUser;
  onChange: (currentPassword: string, newPassword: string) => Promise<void>;
  onSignOut: () => void;
}

/** After signing in with a temporary password: set your own before anything else (the server insists too). */
export function ForcedPasswordChange({ user, onChange, onSignOut }: Props) {
  const { t } = useT();
  return (
    <div class={style.page}>
      <section class={style.card} data-testid="forced-password-change" aria-labelledby="forced-title">
        <div class={style.brand}>
          <span class={style.logo} aria-hidden="true">
            V
          </span>
          <div>
            <h1 id="forced-title">{t('password.forcedTitle')}</h1>
            <p>
              {t('password.forcedBefore')}<strong>{user.displayName || user.username}</strong>{t('password.forcedAfter')}
            </p>
          </div>
        </div>
        <ChangePasswordForm currentLabel={t('password.temporary')} submitLabel={t('password.setAndContinue')} onChange={onChange} />
        <button type="button" class="btn" onClick={onSignOut} data-testid="forced-sign-out">
          {t('shell.signOut')}
        </button>
      </section>
    </div>
  );
}
