import type { CampaignRow } from '../../lib/analytics';
import { formatCount, formatInterval, formatLocalDate, formatMoney, formatPercent, formatRoi } from '../../lib/format';
import { StatusChip } from '../status-chip';
import style from './style.module.css';

const VERDICT = {
  positive: { tone: 'ok', text: 'Significant gain' },
  negative: { tone: 'bad', text: 'Significant loss' },
  inconclusive: { tone: 'neutral', text: 'Not significant' },
} as const;

/**
 * Treatment vs control per campaign: what the holdout design measures. Lift is read with its
 * 95% confidence interval; an interval that crosses 0 is labelled "not significant".
 */
export function CampaignResultsTable({ rows }: { rows: CampaignRow[] }) {
  return (
    <table class={`table ${style.table}`} data-testid="campaigns-table">
      <thead>
        <tr>
          <th scope="col">Campaign</th>
          <th scope="col" class="num">
            Customers
            <div class={style.arms}>treatment · control</div>
          </th>
          <th scope="col" class="num">
            Reached
            <div class={style.arms}>redeemed</div>
          </th>
          <th scope="col" class="num">
            Revenue / cust.
            <div class={style.arms}>treatment vs control</div>
          </th>
          <th scope="col" class="num">
            Margin / cust.
            <div class={style.arms}>treatment vs control</div>
          </th>
          <th scope="col" class="num">
            Incremental
            <div class={style.arms}>revenue · margin</div>
          </th>
          <th scope="col" class="num">
            Cost
          </th>
          <th scope="col" class="num">
            Lift
            <div class={style.arms}>95% CI</div>
          </th>
          <th scope="col" class="num">
            ROI
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => {
          const v = VERDICT[c.verdict];
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
                <div class={style.sub}>holdout {c.holdoutPct}%</div>
              </td>
              <td class="num" data-testid="campaign-customers">
                {formatCount(m.treatment.customers)}
                <div class={style.second}>{formatCount(m.control.customers)} control</div>
              </td>
              <td class="num">
                {formatCount(m.reach)}
                <div class={style.second}>
                  {formatCount(m.redemptions)} redeemed{m.redemptionRate !== null ? ` (${formatPercent(m.redemptionRate)})` : ''}
                </div>
              </td>
              <td class="num" data-testid="campaign-revenue">
                {formatMoney(m.treatment.revenuePerCustomerMinor)}
                <div class={style.second}>vs {formatMoney(m.control.revenuePerCustomerMinor)}</div>
              </td>
              <td class="num">
                {formatMoney(m.treatment.marginPerCustomerMinor)}
                <div class={style.second}>vs {formatMoney(m.control.marginPerCustomerMinor)}</div>
              </td>
              <td class="num">
                {formatMoney(m.incrementalRevenueMinor)}
                <div class={style.second}>{formatMoney(m.incrementalMarginMinor)} margin</div>
              </td>
              <td class="num">{formatMoney(m.costMinor)}</td>
              <td class="num" data-testid="campaign-lift">
                <div class={style.lift}>{formatPercent(m.revenueLift?.lift, { signed: true })}</div>
                <div class={style.second} data-testid="campaign-lift-ci">
                  {formatInterval(m.revenueLift?.ciLow, m.revenueLift?.ciHigh)}
                </div>
                <StatusChip tone={v.tone}>{m.revenueLift ? v.text : 'Too little data'}</StatusChip>
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
