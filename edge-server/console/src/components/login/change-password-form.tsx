import { useState } from 'preact/hooks';
import { PASSWORD_MIN_LENGTH } from '@vitrina/contracts';
import { describeError } from '../../lib/api-error';

interface Props {
  /** The label of the current-password field: "Temporary password" on the forced step. */
  currentLabel?: string;
  submitLabel?: string;
  onChange: (currentPassword: string, newPassword: string) => Promise<void>;
  /** After a successful change (the form is cleared). */
  onDone?: () => void;
}

/**
 * The current password and a new one typed twice. The server holds the rules (at least 12
 * characters, not the username, not a common password) and says which one failed; the form
 * only checks what it can without asking: length and that both copies match.
 */
export function ChangePasswordForm({ currentLabel = 'Current password', submitLabel = 'Change password', onChange, onDone }: Props) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    if (!current) return setError(`Enter your ${currentLabel.toLowerCase()}.`);
    if ([...next].length < PASSWORD_MIN_LENGTH) return setError(`The new password needs at least ${PASSWORD_MIN_LENGTH} characters.`);
    if (next !== again) return setError('The two copies of the new password differ.');
    setPending(true);
    setError(null);
    try {
      await onChange(current, next);
      setCurrent('');
      setNext('');
      setAgain('');
      onDone?.();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} data-testid="change-password-form" noValidate style={{ display: 'flex', flexDirection: 'column', gap: '14px' }}>
      {error && (
        <p class="form-error" role="alert" data-testid="change-password-error" style={{ margin: 0, color: 'var(--bad)', fontWeight: 500 }}>
          {error}
        </p>
      )}
      <label class="field">
        <span>{currentLabel}</span>
        <input class="input" type="password" autoComplete="current-password" value={current} onInput={(e) => setCurrent(e.currentTarget.value)} data-testid="current-password" />
      </label>
      <label class="field">
        <span>New password</span>
        <input
          class="input"
          type="password"
          autoComplete="new-password"
          value={next}
          onInput={(e) => setNext(e.currentTarget.value)}
          aria-describedby="new-password-hint"
          data-testid="new-password"
        />
        <small id="new-password-hint" class="muted">
          At least {PASSWORD_MIN_LENGTH} characters; not your username; not a common password. A few unrelated words work well.
        </small>
      </label>
      <label class="field">
        <span>New password again</span>
        <input class="input" type="password" autoComplete="new-password" value={again} onInput={(e) => setAgain(e.currentTarget.value)} data-testid="new-password-again" />
      </label>
      <button type="submit" class="btn btn-primary" disabled={pending} data-testid="change-password-submit">
        {pending ? 'Saving…' : submitLabel}
      </button>
    </form>
  );
}
