import { useEffect, useState } from 'preact/hooks';
import type { TFunction } from 'i18next';
import type { ScreenProps } from '../../screens';
import { Brand } from '../brand';
import { LetterKeyboard } from '../letter-keyboard';
import { ConsentToggle } from './consent-toggle';
import { PhoneField, PHONE_MAX } from './phone-field';
import { DigitPad } from '../digit-pad';
import { friendlyMessage, isPhoneProblem, type ProblemKey } from '../../lib/error-messages';
import { useReferralScan } from '../../lib/use-referral-scan';
import { BirthdayField, birthdayOf, type BirthdayDraft } from './birthday-field';
import { SymbolKeys } from './symbol-keys';
import { TypedField } from './typed-field';
import { buttons } from '@vitrina/contracts/client';
import { maskDigits } from '../../lib/format';
import { useT } from '../../lib/use-t';
import styles from './style.module.css';

type ConsentKey = 'program' | 'marketing' | 'profiling';

/** One plain sentence per consent; only the program itself is needed to join. */
const NAME_MAX = 40;
const EMAIL_MAX = 254;
/** A referral code is R + 7 letters or digits; a little room for typos that the server then names. */
const REFERRAL_MAX = 12;

type Typing = 'name' | 'phone' | 'email' | 'referral';

/** Problems each optional field shows beside itself (besides the toast). */
const FIELD_OF: Partial<Record<ProblemKey, Typing | 'birthday'>> = {
  EMAIL_INVALID: 'email',
  EMAIL_TAKEN: 'email',
  VITRINA_ERR_REFERRAL_UNKNOWN: 'referral',
  VITRINA_ERR_BIRTHDAY_INVALID: 'birthday',
};

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
  // The field the on-screen keyboard types into; null when the keyboard sheet is closed.
  const [typing, setTyping] = useState<Typing | null>('name');
  const [phoneError, setPhoneError] = useState<ProblemKey | null>(null);
  const [email, setEmail] = useState('');
  const [referral, setReferral] = useState('');
  const [birthday, setBirthday] = useState<BirthdayDraft>({ day: '', month: '', year: '' });
  const [fieldError, setFieldError] = useState<{ field: Typing | 'birthday'; key: ProblemKey } | null>(null);
  const [consents, setConsents] = useState<Record<ConsentKey, boolean>>({ program: false, marketing: false, profiling: false });
  const name = firstName.trim();
  const canSubmit = consents.program && name.length > 0 && !state.busy;
  const submit = (e: Event) => {
    e.preventDefault();
    if (!canSubmit) return;
    const born = birthdayOf(birthday);
    actions.enroll({
      firstName: name, consents,
      ...(state.offerPhone && phone ? { phone } : {}),
      ...(born ? { birthday: born } : {}),
      ...(email.trim() ? { email: email.trim() } : {}),
      ...(referral.trim() ? { referralCode: referral.trim() } : {}),
    });
  };
  // A friend's QR under the scanner fills in their code.
  useReferralScan((code) => {
    setReferral(code);
    setFieldError(null);
  });
  // The server refused an optional field: say so beside it (the toast goes away on its own).
  const problem = state.problem?.key;
  useEffect(() => {
    if (isPhoneProblem(problem)) {
      setPhoneError(problem);
      setTyping('phone');
      return;
    }
    const field = problem ? FIELD_OF[problem] : undefined;
    if (!field || !problem) return;
    setFieldError({ field, key: problem });
    if (field !== 'birthday') setTyping(field);
  }, [problem, state.problem?.seq]);
  const errorOf = (field: Typing | 'birthday') => (fieldError?.field === field ? friendlyMessage(fieldError.key, t) : null);
  const editPhone = (next: string) => {
    setPhone(next);
    setPhoneError(null);
  };
  const skipPhone = () => {
    editPhone('');
    setTyping(null);
  };
  // The letter keyboard types into whichever text field is open.
  const typed = typing === 'email' ? { value: email, set: setEmail, max: EMAIL_MAX } : typing === 'referral' ? { value: referral, set: setReferral, max: REFERRAL_MAX } : { value: firstName, set: setFirstName, max: NAME_MAX };
  const type = (next: string) => {
    typed.set(next.slice(0, typed.max));
    if (fieldError?.field === typing) setFieldError(null);
  };
  const typingLabel = typing === 'email' ? t('enroll.email') : typing === 'referral' ? t('enroll.referral') : typing === 'phone' ? t('enroll.phone') : t('enroll.firstName');
  const typingShown = typing === 'phone' ? maskDigits(phone) : typed.value;

  return (
    <main class={styles.page} data-testid="unknown-card">
      <header class={styles.header}>
        <Brand />
        <div class={styles.intro}>
          <h1>{state.offerPhone ? t('enroll.title') : t('enroll.titlePhone')}</h1>
          <p>
            {state.offerPhone ? t('enroll.cardEnding') : t('enroll.phoneEnding')} <strong>{state.unknown?.cardLast4}</strong>.{' '}
            {state.offerPhone ? t('enroll.intro') : t('enroll.introPhone')}
          </p>
        </div>
        <button class={`${buttons.ghost} ${styles.cancel}`} data-testid="enroll-cancel" onClick={() => actions.finish('done')}>
          {t('enroll.notNow')}
        </button>
      </header>
      <form class={styles.form} data-testid="enroll-form" onSubmit={submit}>
        <div class={styles.fields}>
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
          <BirthdayField
            value={birthday}
            error={errorOf('birthday')}
            onChange={(next) => {
              setBirthday(next);
              if (fieldError?.field === 'birthday') setFieldError(null);
            }}
          />
          <TypedField
            id="email" label={t('enroll.email')} hint={t('enroll.emailHint')} placeholder={t('enroll.tapToAdd')}
            value={email} open={typing === 'email'} error={errorOf('email')} onOpen={() => setTyping('email')}
          />
          <TypedField
            id="referral" label={t('enroll.referral')} hint={t('enroll.referralHint')} placeholder={t('enroll.referralAdd')}
            value={referral} open={typing === 'referral'} error={errorOf('referral')} onOpen={() => setTyping('referral')}
          />
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
        {typing && (
          <div class={styles.sheet} data-testid="keyboard-sheet" role="group" aria-label={typingLabel}>
            <div class={styles.sheetTop}>
              <p class={styles.sheetValue} aria-hidden="true">
                <small>{typingLabel}</small>
                <span>{typingShown || '\u00a0'}</span>
              </p>
              <button type="button" class={`${buttons.primary} ${styles.sheetDone}`} data-testid="keyboard-done" onClick={() => setTyping(null)}>
                {t('enroll.keyboardDone')}
              </button>
            </div>
            {typing === 'phone' && state.offerPhone ? (
              <DigitPad
                testId="phone"
                onDigit={(d) => phone.length < PHONE_MAX && editPhone(phone + d)}
                onClear={() => editPhone('')}
                onBackspace={() => editPhone(phone.slice(0, -1))}
              />
            ) : (
              <>
                <LetterKeyboard value={typed.value} onChange={type} maxLength={typed.max} />
                {(typing === 'email' || typing === 'referral') && <SymbolKeys onKey={(k) => type(typed.value + k)} />}
              </>
            )}
          </div>
        )}
      </form>
    </main>
  );
}
