import type { StaffUser } from '@vitrina/contracts';
import { ChangePasswordForm } from './change-password-form';
import style from './style.module.css';

interface Props {
  user: StaffUser;
  onChange: (currentPassword: string, newPassword: string) => Promise<void>;
  onSignOut: () => void;
}

/** After signing in with a temporary password: set your own before anything else (the server insists too). */
export function ForcedPasswordChange({ user, onChange, onSignOut }: Props) {
  return (
    <div class={style.page}>
      <section class={style.card} data-testid="forced-password-change" aria-labelledby="forced-title">
        <div class={style.brand}>
          <span class={style.logo} aria-hidden="true">
            V
          </span>
          <div>
            <h1 id="forced-title">Choose your password</h1>
            <p>
              Signed in as <strong>{user.displayName || user.username}</strong> with a temporary password. Set your own to continue.
            </p>
          </div>
        </div>
        <ChangePasswordForm currentLabel="Temporary password" submitLabel="Set password and continue" onChange={onChange} />
        <button type="button" class="btn" onClick={onSignOut} data-testid="forced-sign-out">
          Sign out
        </button>
      </section>
    </div>
  );
}
