import { useState } from 'preact/hooks';
import { buttons } from '@vitrina/contracts/client';
import { friendlyMessage, type ProblemKey } from '../../lib/error-messages';
import { useT } from '../../lib/use-t';
import { LetterKeyboard } from '../letter-keyboard';
import { SymbolKeys } from '../enroll/symbol-keys';
import styles from './style.module.css';

const CODE_MAX = 32;

interface Props {
  id: 'promo' | 'referral';
  title: string;
  hint: string;
  submitLabel: string;
  /** Sends the code; resolves with the words to show on success, or the problem. */
  onSubmit(code: string): Promise<{ ok: true; message: string } | { ok: false; problem: ProblemKey }>;
}

/**
 * A code typed on the kiosk's own keys (a promo code, a friend's referral code). The answer is
 * shown right under the field: what was added to the card, or why the code was refused.
 */
export function CodeEntry({ id, title, hint, submitLabel, onSubmit }: Props) {
  const { t } = useT();
  const [code, setCode] = useState('');
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: true; message: string } | { ok: false; problem: ProblemKey } | null>(null);
  const edit = (next: string) => {
    setCode(next.toUpperCase().slice(0, CODE_MAX));
    setResult(null);
  };
  const send = async (e: Event) => {
    e.preventDefault();
    if (!code.trim() || busy) return;
    setBusy(true);
    const answer = await onSubmit(code.trim());
    setBusy(false);
    setResult(answer);
    if (answer.ok) {
      setCode('');
      setOpen(false);
    }
  };
  const problem = result && !result.ok ? friendlyMessage(result.problem, t) : null;
  return (
    <section class={styles.panel} aria-labelledby={`card-${id}-title`} data-testid={`card-${id}`}>
      <h2 id={`card-${id}-title`}>{title}</h2>
      <form class={styles.codeForm} onSubmit={send}>
        <button
          type="button"
          class={`${styles.codeValue} ${problem ? styles.bad : ''}`}
          data-testid={`card-${id}-input`}
          aria-expanded={open}
          aria-invalid={problem ? true : undefined}
          aria-label={title}
          onClick={() => setOpen(true)}
        >
          {code || <span class={styles.placeholder}>{hint}</span>}
        </button>
        <button type="submit" class={buttons.primary} data-testid={`card-${id}-submit`} disabled={!code.trim() || busy}>
          {submitLabel}
        </button>
      </form>
      {result && (
        <p class={result.ok ? styles.ok : styles.problem} role={result.ok ? 'status' : 'alert'} data-testid={`card-${id}-result`} data-ok={result.ok}>
          {result.ok ? result.message : <><strong>{problem!.title}.</strong> {problem!.hint}</>}
        </p>
      )}
      {open && (
        <div class={styles.keys}>
          <LetterKeyboard value={code} onChange={edit} maxLength={CODE_MAX} />
          <SymbolKeys onKey={(k) => edit(code + k)} />
        </div>
      )}
    </section>
  );
}
