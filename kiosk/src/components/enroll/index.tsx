import { useState } from 'preact/hooks';
import type { TFunction } from 'i18next';
import type { ScreenProps } from '../../screens';
import { Brand } from '../brand';
import { LetterKeyboard } from '../letter-keyboard';
import { ConsentToggle } from './consent-toggle';
import { buttons } from '@vitrina/contracts/client';
import { useT } from '../../lib/use-t';
import styles from './style.module.css';

type ConsentKey = 'program' | 'marketing' | 'profiling';

/** One plain sentence per consent; only the program itself is needed to join. */
const NAME_MAX = 40;

const CONSENTS: ConsentKey[] = ['program', 'marketing', 'profiling'];

/** The consent's words; literal keys so the catalogue test sees them. */
function consentText(t: TFunction, key: ConsentKey): { title: string; text: string } {
  switch (key) {
    case 'program':
      return { title: t('enroll.consent.programTitle'), text: t('enroll.consent.programText') };
    case 'marketing':
      return { title: t('enroll.consent.marketingTitle'), text: t('enroll.consent.marketingText') };
    case 'profiling':
      return { title: t('enroll.consent.profilingTitle'), text: t('enroll.consent.profilingText') };
  }
}

/** A valid card that is not registered yet: explain, and offer to join right here. */
export default function Enroll({ state, actions }: ScreenProps) {
  const { t } = useT();
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
          {t('enroll.notNow')}
        </button>
      </header>
      <div class={styles.intro}>
        <h1>{t('enroll.title')}</h1>
        <p>
          {t('enroll.cardEnding')} <strong>{state.unknown?.cardLast4}</strong>. {t('enroll.intro')}
        </p>
      </div>
      <form class={styles.form} data-testid="enroll-form" onSubmit={submit}>
        <div class={styles.column}>
          <label class={styles.field}>
            <span>{t('enroll.firstName')}</span>
            <input
              data-testid="enroll-first-name"
              value={firstName}
              maxLength={NAME_MAX}
              autoComplete="off"
              autoCapitalize="words"
              inputMode="none"
              onInput={(e) => setFirstName(e.currentTarget.value)}
            />
            <small>{t('enroll.firstNameHint')}</small>
          </label>
          <LetterKeyboard value={firstName} onChange={setFirstName} maxLength={NAME_MAX} />
        </div>
        <div class={styles.column}>
          <fieldset class={styles.consents}>
            <legend>{t('enroll.choices')}</legend>
            {CONSENTS.map((key) => (
              <ConsentToggle
                key={key}
                id={key}
                {...consentText(t, key)}
                checked={consents[key]}
                onChange={(checked) => setConsents((v) => ({ ...v, [key]: checked }))}
              />
            ))}
          </fieldset>
          <button class={`${buttons.primary} ${styles.submit}`} type="submit" data-testid="enroll-submit" disabled={!canSubmit}>
            {state.busy ? t('enroll.joining') : t('enroll.join')}
          </button>
        </div>
      </form>
    </main>
  );
}
