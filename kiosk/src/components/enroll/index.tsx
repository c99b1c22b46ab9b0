import { useEffect, useState } from 'preact/hooks';
import type { TFunction } from 'i18next';
import type { ScreenProps } from '../../screens';
import { Brand } from '../brand';
import { LetterKeyboard } from '../letter-keyboard';
import { ConsentToggle } from './consent-toggle';
import { PhoneField, PHONE_MAX } from './phone-field';
import { DigitPad } from '../digit-pad';
import { friendlyMessage, isPhoneProblem, type ProblemKey } from '../../lib/error-messages';
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

/**
 * A valid card (or phone number) that is not registered yet: explain, and offer to join right here.
 * A shopper who came with a card may also give a phone number (optional: the field stays empty
 * unless they tap it, and "No phone number" empties and closes it in one tap); one who came with a
 * phone number gets a virtual card from the server instead.
 */
export default function Enroll({ state, actions }: ScreenProps) {
  const { t } = useT();
  const [firstName, setFirstName] = useState('');
  const [phone, setPhone] = useState('');
  const [typing, setTyping] = useState<'name' | 'phone'>('name');
  const [phoneError, setPhoneError] = useState<ProblemKey | null>(null);
  const [consents, setConsents] = useState<Record<ConsentKey, boolean>>({ program: false, marketing: false, profiling: false });
  const name = firstName.trim();
  const canSubmit = consents.program && name.length > 0 && !state.busy;
  const submit = (e: Event) => {
    e.preventDefault();
    if (canSubmit) actions.enroll({ firstName: name, consents, ...(state.offerPhone && phone ? { phone } : {}) });
  };
  // The server refused the phone number: say so beside the field (the toast goes away on its own).
  const problem = state.problem?.key;
  useEffect(() => {
    if (!isPhoneProblem(problem)) return;
    setPhoneError(problem);
    setTyping('phone');
  }, [problem, state.problem?.seq]);
  const editPhone = (next: string) => {
    setPhone(next);
    setPhoneError(null);
  };
  const skipPhone = () => {
    editPhone('');
    setTyping('name');
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
        <h1>{state.offerPhone ? t('enroll.title') : t('enroll.titlePhone')}</h1>
        <p>
          {state.offerPhone ? t('enroll.cardEnding') : t('enroll.phoneEnding')} <strong>{state.unknown?.cardLast4}</strong>.{' '}
          {state.offerPhone ? t('enroll.intro') : t('enroll.introPhone')}
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
              onFocus={() => setTyping('name')}
              onInput={(e) => setFirstName(e.currentTarget.value)}
            />
            <small>{t('enroll.firstNameHint')}</small>
          </label>
          {state.offerPhone && (
            <PhoneField
              phone={phone}
              open={typing === 'phone'}
              error={phoneError ? friendlyMessage(phoneError, t) : null}
              onOpen={() => setTyping('phone')}
              onSkip={skipPhone}
            />
          )}
          {typing === 'phone' && state.offerPhone ? (
            <DigitPad
              testId="phone"
              onDigit={(d) => phone.length < PHONE_MAX && editPhone(phone + d)}
              onClear={() => editPhone('')}
              onBackspace={() => editPhone(phone.slice(0, -1))}
            />
          ) : (
            <LetterKeyboard value={firstName} onChange={setFirstName} maxLength={NAME_MAX} />
          )}
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
