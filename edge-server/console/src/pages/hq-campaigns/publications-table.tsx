import type { Publication } from '@vitrina/contracts';
import { targetLabel } from '../../components/store-target';
import { EmptyState } from '../../components/query-view';
import { formatDateTime } from '../../lib/format';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

/**
 * Head office's publications of some kinds, newest first: when, what (kind, entity, version),
 * the target as chosen and the stores it reached then, and who published. Stores do not report
 * back what they applied, so delivery is what JetStream holds for them, not shown here.
 */
export function PublicationsTable({ list, kinds, testId }: { list: readonly Publication[]; kinds: readonly string[]; testId: string }) {
  const { t } = useT();
  const rows = list.filter((p) => kinds.includes(p.kind));
  if (rows.length === 0) return <EmptyState title={t('chain.nothingPublished')} />;
  return (
    <table class="table" data-testid={testId}>
      <thead>
        <tr>
          <th>{t('chain.when')}</th>
          <th>{t('chain.kind')}</th>
          <th>{t('chain.what')}</th>
          <th>{t('hqCampaigns.target')}</th>
          <th>{t('chain.stores')}</th>
          <th>{t('chain.by')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.id} data-testid={`${testId}-row`} data-entity={p.entityId} data-version={p.version}>
            <td class={style.nowrap}>{formatDateTime(p.publishedAt)}</td>
            <td class={style.nowrap}>
              {t(`hqCampaigns.kind.${p.kind === 'promotions' ? 'promotions' : 'campaigns'}`)} <span class="muted">v{p.version}</span>
            </td>
            <td>
              {p.summary} <span class="muted">{p.entityId}</span>
            </td>
            <td data-testid={`${testId}-target`}>{targetLabel(p.target, t)}</td>
            <td>{p.storeIds.join(', ')}</td>
            <td>{p.publishedBy}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
