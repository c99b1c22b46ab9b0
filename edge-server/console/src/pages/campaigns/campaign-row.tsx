import { Fragment } from 'preact';
import { ROUTES, type Campaign, type CampaignStatus } from '@vitrina/contracts';
import { ConfirmButton } from '../../components/confirm-button';
import { StatusChip, type Tone } from '../../components/status-chip';
import { formatCount, formatLocalDate, formatPercent } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { AddOfferForm } from './add-offer-form';
import style from './style.module.css';
import { useT } from '../../lib/use-t';

const STATUS_TONE: Record<string, Tone> = { live: 'ok', draft: 'info', paused: 'warn', ended: 'neutral' };

interface Props {
  campaign: Campaign;
  editable: boolean;
  offerOpen: boolean;
  busy: boolean;
  onToggleOffer: () => void;
  onStatus: (status: CampaignStatus) => void;
}

/** One campaign: period, holdout, its personal offers' lifecycle funnel, and status actions. */
export function CampaignRow({ campaign: c, editable, offerOpen, busy, onToggleOffer, onStatus }: Props) {
  const { t } = useT();
  const life = useApi(ROUTES.campaigns.lifecycle, { params: { id: c.id } });
  const l = life.data;
  return (
    <Fragment>
      <tr data-testid="campaign-list-row" data-campaign-id={c.id} data-status={c.status}>
        <td>
          <div class={style.name}>{c.name}</div>
          <code class={style.id}>{c.id}</code>
        </td>
        <td class={style.nowrap}>
          {formatLocalDate(c.startsOn)} – {formatLocalDate(c.endsOn)}
        </td>
        <td>
          <StatusChip tone={STATUS_TONE[c.status] ?? 'neutral'}>{t(`statuses.${c.status}`, { defaultValue: c.status })}</StatusChip>
        </td>
        <td class="num">{formatPercent(c.holdoutPct / 100, { digits: 0 })}</td>
        <td class={style.funnel} data-testid="campaign-lifecycle">
          {l ? (
            <>
              {t('campaigns.funnel', { issued: formatCount(l.issued), shown: formatCount(l.shown), clipped: formatCount(l.clipped) })} <strong>{t('campaigns.redeemed', { n: formatCount(l.redeemed) })}</strong>
              {l.expired > 0 && <span class="muted"> · {t('campaigns.expired', { n: formatCount(l.expired) })}</span>}
            </>
          ) : (
            <span class="muted">{life.error ? '—' : '…'}</span>
          )}
        </td>
        {editable && (
          <td class={style.actions}>
            {c.status !== 'ended' && (
              <button type="button" class="btn btn-small" onClick={onToggleOffer} aria-expanded={offerOpen} data-testid="campaign-add-offer">
                {t('campaigns.addOffer')}
              </button>
            )}
            {(c.status === 'draft' || c.status === 'paused') && (
              <button type="button" class="btn btn-small" disabled={busy} onClick={() => onStatus('live')} data-testid="campaign-go-live">
                {c.status === 'draft' ? t('campaigns.goLive') : t('campaigns.resume')}
              </button>
            )}
            {c.status === 'live' && (
              <button type="button" class="btn btn-small" disabled={busy} onClick={() => onStatus('paused')} data-testid="campaign-pause">
                {t('campaigns.pause')}
              </button>
            )}
            {c.status !== 'ended' && (
              <ConfirmButton label={t('campaigns.end')} confirmLabel={t('campaigns.endConfirm')} ariaLabel={t('campaigns.endLabel', { name: c.name })} disabled={busy} onConfirm={() => onStatus('ended')} testId="campaign-end" confirmTestId="campaign-end-confirm" />
            )}
          </td>
        )}
      </tr>
      {offerOpen && (
        <tr>
          <td colSpan={6} class={style.offerCell}>
            <AddOfferForm campaignId={c.id} onDone={onToggleOffer} />
          </td>
        </tr>
      )}
    </Fragment>
  );
}
