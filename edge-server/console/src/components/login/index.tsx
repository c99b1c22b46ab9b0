import { useState } from 'preact/hooks';
import type { SignOutReason } from '../../lib/session-store';
import { describeError } from '../../lib/api-error';
import { useAuth } from '../../lib/use-auth';
import { ForcedPasswordChange } from './forced-change';
import style from './style.module.css';
import { useT } from '../../lib/use-t';

interface Props {
  reason: SignOutReason;
  onSignIn: (username: string, password: string) => Promise<void>;
}

/**
 * The sign-in screen; a failed sign-in keeps the username and says why. Signed in with a
 * temporary password, it becomes the step that replaces it.
 */
export function Login(props: Props) {
  const auth = useAuth();
  if (auth.pendingChange) return <ForcedPasswordChange user={auth.pendingChange} onChange={auth.changePassword} onSignOut={() => void auth.signOut()} />;
  return <SignInForm {...props} />;
}

function SignInForm({ reason, onSignIn }: Props) {
  const { t } = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError(t('login.enterBoth'));
      return;
    }
    setPending(true);
    setError(null);
    try {
      await onSignIn(username.trim(), password);
    } catch (err) {
      setError(describeError(err));
      setPassword('');
    } finally {
      setPending(false);
    }
  }

  return (
    <div class={style.page}>
      <form class={style.card} onSubmit={submit} data-testid="login-form" noValidate aria-describedby={error ? 'login-error' : undefined}>
        <div class={style.brand}>
          <span class={style.logo} aria-hidden="true">
            V
          </span>
          <div>
            <h1>{t('shell.titleSuffix')}</h1>
            <p>{t('login.hint')}</p>
          </div>
        </div>
        {reason === 'expired' && !error && (
          <p class={style.info} role="status">
            {t('login.expired')}
          </p>
        )}
        {error && (
          <p id="login-error" class={style.error} role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <label class="field">
          <span>{t('login.username')}</span>
          <input
            class="input"
            name="username"
            autoComplete="username"
            autoFocus
            value={username}
            onInput={(e) => setUsername(e.currentTarget.value)}
            data-testid="login-username"
            required
          />
        </label>
        <label class="field">
          <span>{t('login.password')}</span>
          <input
            class="input"
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            data-testid="login-password"
            required
          />
        </label>
        <button type="submit" class="btn btn-primary" disabled={pending} data-testid="login-submit">
          {pending ? t('login.signingIn') : t('login.signIn')}
        </button>
      </form>
    </div>
  );
}
