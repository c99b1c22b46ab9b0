import { useState } from 'preact/hooks';
import type { ScreenProps } from '../../screens';
import { Brand } from '../brand';
import { LetterKeyboard } from '../letter-keyboard';
import { ConsentToggle } from './consent-toggle';
import { buttons } from '@vitrina/contracts/client';
import styles from './style.module.css';

type ConsentKey = 'program' | 'marketing' | 'profiling';

/** One plain sentence per consent; only the program itself is needed to join. */
const NAME_MAX = 40;

const CONSENTS: { key: ConsentKey; title: string; text: string }[] = [
  { key: 'program', title: 'Join Vitrina Rewards (required)', text: 'You collect points when you shop and can spend them on discounts.' },
  { key: 'marketing', title: 'Tell me about offers and events', text: 'We may send you news about deals; you can stop this at any time.' },
  { key: 'profiling', title: 'Personalize my offers', text: 'We use what you buy here to pick offers for you; without it you see the same offers as everyone.' },
];

/** A valid card that is not registered yet: explain, and offer to join right here. */
export default function Enroll({ state, actions }: ScreenProps) {
  const [firstName, setFirstName] = useState('');
  const [consents, setConsents] = useState<Record<ConsentKey, boolean>>({ program: false, marketing: false, profiling: false });
  const name = firstName.trim();
  const canSubmit = consents.program && name.length > 0 && !state.busy;
  const submit = (e: Event) => {
    e.preventDefault();
    if (canSubmit) actions.enroll({ firstName: name, consents });
  };

  return (
    <main class={styles.page} data-testid="unknown-card">
      <header class={styles.header}>
        <Brand />
        <button class={buttons.ghost} data-testid="enroll-cancel" onClick={() => actions.finish('done')}>
          Not now
        </button>
      </header>
      <div class={styles.intro}>
        <h1>This card isn’t registered yet</h1>
        <p>
          Card ending <strong>{state.unknown?.cardLast4}</strong>. Join in a few seconds and start collecting points today.
        </p>
      </div>
      <form class={styles.form} data-testid="enroll-form" onSubmit={submit}>
        <div class={styles.column}>
          <label class={styles.field}>
            <span>Your first name</span>
            <input
              data-testid="enroll-first-name"
              value={firstName}
              maxLength={NAME_MAX}
              autoComplete="off"
              autoCapitalize="words"
              inputMode="none"
              onInput={(e) => setFirstName(e.currentTarget.value)}
            />
            <small>We use it only to greet you here.</small>
          </label>
          <LetterKeyboard value={firstName} onChange={setFirstName} maxLength={NAME_MAX} />
        </div>
        <div class={styles.column}>
          <fieldset class={styles.consents}>
            <legend>Your choices</legend>
            {CONSENTS.map((c) => (
              <ConsentToggle
                key={c.key}
                id={c.key}
                title={c.title}
                text={c.text}
                checked={consents[c.key]}
                onChange={(checked) => setConsents((v) => ({ ...v, [c.key]: checked }))}
              />
            ))}
          </fieldset>
          <button class={`${buttons.primary} ${styles.submit}`} type="submit" data-testid="enroll-submit" disabled={!canSubmit}>
            {state.busy ? 'Joining…' : 'Join now'}
          </button>
        </div>
      </form>
    </main>
  );
}
