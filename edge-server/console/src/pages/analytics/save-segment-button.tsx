import { useState } from 'preact/hooks';
import { ROUTES } from '@vitrina/contracts';
import { api } from '../../lib/api';
import { describeError } from '../../lib/api-error';
import { RFM_SCORES_LIMIT, rfmMembers, rfmSegmentName } from '../../lib/analytics';
import { formatCount } from '../../lib/format';
import { useAction } from '../../lib/use-api';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

/**
 * Saves an RFM group as a promotion segment ("rfm-at_risk"), replacing its members, so a
 * promotion with audience "segment" can target it (e.g. a win-back offer for at-risk customers).
 */
export function SaveSegmentButton({ segment }: { segment: string }) {
  const { t } = useT();
  const [note, setNote] = useState<string | null>(null);
  const save = useAction(async () => {
    const report = await api.call(ROUTES.analytics.rfm, { query: { limit: RFM_SCORES_LIMIT } });
    const { customerIds, complete } = rfmMembers(report, segment);
    const r = await api.call(ROUTES.segments.replace, { params: { segment: rfmSegmentName(segment) }, body: { customerIds } });
    return { ...r, complete };
  });

  async function onClick() {
    const r = await save.run();
    if (r) setNote(r.complete
      ? t('analytics.saved', { segment: r.segment, count: r.members, n: formatCount(r.members) })
      : t('analytics.savedCapped', { segment: r.segment, count: r.members, n: formatCount(r.members), limit: formatCount(RFM_SCORES_LIMIT) }));
  }

  return (
    <span class={style.saveSegment}>
      <button type="button" class="btn btn-small" disabled={save.pending} onClick={() => void onClick()} data-testid="rfm-save-segment" title={t('analytics.saveTitle', { name: rfmSegmentName(segment) })}>
        {save.pending ? t('analytics.saving') : t('analytics.saveSegment')}
      </button>
      {note && !save.error && (
        <span class={style.saved} role="status" data-testid="rfm-segment-saved">
          {note}
        </span>
      )}
      {save.error && (
        <span class={style.segmentError} role="alert">
          {describeError(save.error)}
        </span>
      )}
    </span>
  );
}
