import { useT } from '../../lib/use-t';
import style from './style.module.css';

/** The look-back periods staff pick from on report pages, in days. */
export const PERIOD_DAYS = [30, 90, 365] as const;
export type PeriodDays = (typeof PERIOD_DAYS)[number];

/** "Period: last 30 days / 90 days / 12 months" — one picker for every report page (analytics, survey). */
export function PeriodSelect({ days, onChange, testId }: { days: number; onChange: (days: PeriodDays) => void; testId: string }) {
  const { t } = useT();
  const label = (d: PeriodDays) => (d === 30 ? t('analytics.last30') : d === 90 ? t('analytics.last90') : t('analytics.last12Months'));
  return (
    <label class={style.period}>
      <span>{t('analytics.period')}</span>
      <select class="select" value={String(days)} onChange={(e) => onChange(Number(e.currentTarget.value) as PeriodDays)} data-testid={testId}>
        {PERIOD_DAYS.map((d) => (
          <option key={d} value={String(d)}>
            {label(d)}
          </option>
        ))}
      </select>
    </label>
  );
}
