import type { StaffWithTemporaryPassword } from '@vitrina/contracts';
import { CopyButton } from '../../components/copy-button';
import style from './style.module.css';

interface Props {
  result: StaffWithTemporaryPassword;
  /** "created" or "reset": only the heading differs. */
  action: 'created' | 'reset';
  onDone: () => void;
}

/** The temporary password, shown exactly once: the server keeps only its hash. */
export function TemporaryPassword({ result, action, onDone }: Props) {
  const who = result.user.displayName || result.user.username;
  return (
    <section class={style.result} data-testid="temporary-password-result" aria-labelledby="temporary-title">
      <h2 id="temporary-title">{action === 'created' ? `Account “${result.user.username}” created` : `Password of ${who} reset`}</h2>
      <p>
        Give this temporary password to {who} in person. <strong>It is shown only now.</strong> They must choose their own password when they next
        sign in{action === 'reset' ? '; they have been signed out everywhere' : ''}.
      </p>
      <div class={style.tokenRow}>
        <span class={style.tokenLabel}>Username</span>
        <code class={style.token}>{result.user.username}</code>
        <span />
      </div>
      <div class={style.tokenRow}>
        <span class={style.tokenLabel}>Password</span>
        <code class={style.token} data-testid="temporary-password">
          {result.temporaryPassword}
        </code>
        <CopyButton text={result.temporaryPassword} label="Copy" testId="copy-temporary-password" />
      </div>
      <button type="button" class="btn" onClick={onDone} data-testid="temporary-password-done">
        Done — I have passed it on
      </button>
    </section>
  );
}
