import { useT } from '../../lib/use-t';
import type { FriendlyMessage } from '../../lib/error-messages';
import styles from './style.module.css';

export interface BirthdayDraft {
  day: string;
  month: string;
  year: string;
}

interface Props {
  value: BirthdayDraft;
  onChange(next: BirthdayDraft): void;
  /** What the server said about the day (31 February), worded for the shopper. */
  error: FriendlyMessage | null;
}

const DAYS = Array.from({ length: 31 }, (_, i) => i + 1);
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
/** Years a shopper may pick, newest first (the year is optional). */
function years(): number[] {
  const now = new Date().getFullYear();
  return Array.from({ length: 100 }, (_, i) => now - 10 - i);
}

/**
 * The optional birthday: day and month (for birthday offers), year optional. Every day 1–31 is
 * offered in every month on purpose: the server is the one judge of a real day, and says so
 * in the shopper's words (31 February → "That day isn't in the calendar").
 */
export function BirthdayField({ value, onChange, error }: Props) {
  const { t, language } = useT();
  const monthName = (m: number) => new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, m - 1, 1)));
  return (
    <fieldset class={styles.birthday} data-testid="enroll-birthday" aria-invalid={error ? true : undefined}>
      <legend>{t('enroll.birthday')}</legend>
      <div class={styles.birthdayRow}>
        <select aria-label={t('enroll.birthdayDay')} data-testid="enroll-birthday-day" value={value.day} onChange={(e) => onChange({ ...value, day: e.currentTarget.value })}>
          <option value="">{t('enroll.birthdayDay')}</option>
          {DAYS.map((d) => <option key={d} value={String(d)}>{d}</option>)}
        </select>
        <select aria-label={t('enroll.birthdayMonth')} data-testid="enroll-birthday-month" value={value.month} onChange={(e) => onChange({ ...value, month: e.currentTarget.value })}>
          <option value="">{t('enroll.birthdayMonth')}</option>
          {MONTHS.map((m) => <option key={m} value={String(m)}>{monthName(m)}</option>)}
        </select>
        <select aria-label={t('enroll.birthdayYear')} data-testid="enroll-birthday-year" value={value.year} onChange={(e) => onChange({ ...value, year: e.currentTarget.value })}>
          {/* The short word fits the picker at any text size; the label above and the aria-label say it is optional. */}
          <option value="">{t('enroll.birthdayYearShort')}</option>
          {years().map((y) => <option key={y} value={String(y)}>{y}</option>)}
        </select>
      </div>
      {error ? (
        <small class={styles.error} role="alert" data-testid="enroll-birthday-error">
          <strong>{error.title}.</strong> {error.hint}
        </small>
      ) : (
        <small>{t('enroll.birthdayHint')}</small>
      )}
    </fieldset>
  );
}

/** The birthday to send: day and month both chosen (year optional), or nothing. */
export function birthdayOf(b: BirthdayDraft): { day: number; month: number; year?: number } | undefined {
  if (!b.day || !b.month) return undefined;
  return { day: Number(b.day), month: Number(b.month), ...(b.year ? { year: Number(b.year) } : {}) };
}
