import type { CampaignRow } from '../../lib/analytics';
import { formatCount, formatInterval, formatLocalDate, formatMoney, formatPercent, formatRoi } from '../../lib/format';
import { StatusChip } from '../status-chip';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

const VERDICT_TONE = { positive: 'ok', negative: 'bad', inconclusive: 'neutral' } as const;

/**
 * Treatment vs control per campaign: what the holdout design measures. Lift is read with its
 * 95% confidence interval; an interval that crosses 0 is labelled "not significant".
 */
export function CampaignResultsTable({ rows }: { rows: CampaignRow[] }) {
  const { t } = useT();
  const verdictText = { positive: t('campaignResults.significantGain'), negative: t('campaignResults.significantLoss'), inconclusive: t('campaignResults.notSignificant') };
  return (
    <table class={`table ${style.table}`} data-testid="campaigns-table">
      <thead>
        <tr>
          <th scope="col">{t('campaignResults.campaign')}</th>
          <th scope="col" class="num">
            {t('campaignResults.customers')}
            <div class={style.arms}>{t('campaignResults.treatmentControl')}</div>
          </th>
          <th scope="col" class="num">
            {t('campaignResults.reached')}
            <div class={style.arms}>{t('campaignResults.redeemedSub')}</div>
          </th>
          <th scope="col" class="num">
            {t('campaignResults.revenuePerCustomer')}
            <div class={style.arms}>{t('campaignResults.treatmentVsControl')}</div>
          </th>
          <th scope="col" class="num">
            {t('campaignResults.marginPerCustomer')}
            <div class={style.arms}>{t('campaignResults.treatmentVsControl')}</div>
          </th>
          <th scope="col" class="num">
            {t('campaignResults.incremental')}
            <div class={style.arms}>{t('campaignResults.revenueMargin')}</div>
          </th>
          <th scope="col" class="num">
            {t('campaignResults.cost')}
          </th>
          <th scope="col" class="num">
            {t('campaignResults.lift')}
            <div class={style.arms}>{t('campaignResults.ci')}</div>
          </th>
          <th scope="col" class="num">
            {t('campaignResults.roi')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => {
          const tone = VERDICT_TONE[c.verdict];
          const m = c.m;
          return (
            <tr key={c.id} data-testid="campaign-row" data-campaign-id={c.id} data-verdict={c.verdict}>
              <td class={style.campaign}>
                <div class={style.name}>
                  {c.name}
                  {c.status && <span class={style.status}>{c.status}</span>}
                </div>
                <div class={style.sub}>
                  {formatLocalDate(c.startsOn)} – {formatLocalDate(c.endsOn)}
                </div>
                <div class={style.sub}>{t('campaignResults.holdout', { pct: c.holdoutPct })}</div>
              </td>
              <td class="num" data-testid="campaign-customers">
                {formatCount(m.treatment.customers)}
                <div class={style.second}>{t('campaignResults.control', { n: formatCount(m.control.customers) })}</div>
              </td>
              <td class="num">
                {formatCount(m.reach)}
                <div class={style.second}>
                  {t('campaignResults.redeemed', { n: formatCount(m.redemptions) })}{m.redemptionRate !== null ? ` (${formatPercent(m.redemptionRate)})` : ''}
                </div>
              </td>
              <td class="num" data-testid="campaign-revenue">
                {formatMoney(m.treatment.revenuePerCustomerMinor)}
                <div class={style.second}>{t('campaignResults.vs', { value: formatMoney(m.control.revenuePerCustomerMinor) })}</div>
              </td>
              <td class="num">
                {formatMoney(m.treatment.marginPerCustomerMinor)}
                <div class={style.second}>{t('campaignResults.vs', { value: formatMoney(m.control.marginPerCustomerMinor) })}</div>
              </td>
              <td class="num">
                {formatMoney(m.incrementalRevenueMinor)}
                <div class={style.second}>{t('campaignResults.margin', { value: formatMoney(m.incrementalMarginMinor) })}</div>
              </td>
              <td class="num">{formatMoney(m.costMinor)}</td>
              <td class="num" data-testid="campaign-lift">
                <div class={style.lift}>{formatPercent(m.revenueLift?.lift, { signed: true })}</div>
                <div class={style.second} data-testid="campaign-lift-ci">
                  {formatInterval(m.revenueLift?.ciLow, m.revenueLift?.ciHigh)}
                </div>
                <StatusChip tone={tone}>{m.revenueLift ? verdictText[c.verdict] : t('campaignResults.tooLittleData')}</StatusChip>
              </td>
              <td class={`num ${style.roi} ${m.roi !== null && m.roi < 0 ? style.negative : ''}`} data-testid="campaign-roi">
                {formatRoi(m.roi)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
