import type { CampaignMeasurementView } from '../../lib/analytics';
import { fmtCampaign } from '../../lib/analytics';
import { formatLocalDate } from '../../lib/format';
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
export function CampaignResultsTable({ rows }: { rows: CampaignMeasurementView[] }) {
  return (
    <table class={`table ${style.table}`} data-testid="campaigns-table">
      <thead>
        <tr>
          <th scope="col" rowSpan={2}>
            Campaign
          </th>
          <th scope="colgroup" colSpan={3} class={style.group}>
            Treatment
          </th>
          <th scope="colgroup" colSpan={3} class={style.group}>
            Control (holdout)
          </th>
          <th scope="col" rowSpan={2} class="num">
            Incremental
            <br />
            margin
          </th>
          <th scope="col" rowSpan={2} class="num">
            Cost
          </th>
          <th scope="col" rowSpan={2} class="num">
            Lift · 95% CI
          </th>
          <th scope="col" rowSpan={2} class="num">
            ROI
          </th>
        </tr>
        <tr>
          <th scope="col" class="num">Customers</th>
          <th scope="col" class="num">Redeemed</th>
          <th scope="col" class="num">Rev./cust.</th>
          <th scope="col" class="num">Customers</th>
          <th scope="col" class="num">Redeemed</th>
          <th scope="col" class="num">Rev./cust.</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => {
          const v = VERDICT[c.verdict];
          return (
            <tr key={c.id} data-testid="campaign-row" data-campaign-id={c.id} data-verdict={c.verdict}>
              <td>
                <div class={style.name}>{c.name}</div>
                <div class={style.sub}>
                  {c.startsOn && c.endsOn ? `${formatLocalDate(c.startsOn)} – ${formatLocalDate(c.endsOn)}` : c.id}
                  {c.status && <span class={style.status}>{c.status}</span>}
                </div>
              </td>
              <td class="num">{fmtCampaign.count(c.treatment.customers)}</td>
              <td class="num">{fmtCampaign.percent(c.treatment.redemptionRate)}</td>
              <td class="num">{fmtCampaign.money(c.treatment.revenuePerCustomerMinor)}</td>
              <td class="num">{fmtCampaign.count(c.control.customers)}</td>
              <td class="num">{fmtCampaign.percent(c.control.redemptionRate)}</td>
              <td class="num">{fmtCampaign.money(c.control.revenuePerCustomerMinor)}</td>
              <td class="num">{fmtCampaign.money(c.incrementalMarginMinor)}</td>
              <td class="num">{fmtCampaign.money(c.costMinor)}</td>
              <td class="num" data-testid="campaign-lift">
                <div class={style.lift}>{fmtCampaign.lift(c.lift)}</div>
                <div class={style.ci} data-testid="campaign-lift-ci">
                  {fmtCampaign.interval(c.liftLow, c.liftHigh)}
                </div>
                <StatusChip tone={v.tone}>{v.text}</StatusChip>
              </td>
              <td class={`num ${c.roi !== null && c.roi < 0 ? style.negative : ''}`} data-testid="campaign-roi">
                {fmtCampaign.roi(c.roi)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
