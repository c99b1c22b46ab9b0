import { useState } from 'preact/hooks';
import { PASSWORD_MIN_LENGTH } from '@vitrina/contracts';
import { describeError } from '../../lib/api-error';
import { useT } from '../../lib/use-t';

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
export function ChangePasswordForm({ currentLabel: givenCurrentLabel, submitLabel: givenSubmitLabel, onChange, onDone }: Props) {
  const { t, fmt } = useT();
  const currentLabel = givenCurrentLabel ?? t('password.current');
  const submitLabel = givenSubmitLabel ?? t('password.change');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    if (!current) return setError(t('password.enterCurrent', { label: currentLabel.toLowerCase() }));
    if ([...next].length < PASSWORD_MIN_LENGTH) return setError(t('password.tooShort', { count: PASSWORD_MIN_LENGTH, n: fmt.count(PASSWORD_MIN_LENGTH) }));
    if (next !== again) return setError(t('password.differ'));
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
        <span>{t('password.new')}</span>
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
          {t('password.rules', { count: PASSWORD_MIN_LENGTH, n: fmt.count(PASSWORD_MIN_LENGTH) })}
        </small>
      </label>
      <label class="field">
        <span>{t('password.again')}</span>
        <input class="input" type="password" autoComplete="new-password" value={again} onInput={(e) => setAgain(e.currentTarget.value)} data-testid="new-password-again" />
      </label>
      <button type="submit" class="btn btn-primary" disabled={pending} data-testid="change-password-submit">
        {pending ? t('password.saving') : submitLabel}
      </button>
    </form>
  );
}
