import type { Publication } from '@vitrina/contracts';
import { EmptyState, QueryView } from '../query-view';
import { targetLabel } from '../store-target';
import type { Query } from '../../lib/use-api';
import { formatDateTime } from '../../lib/format';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

interface TableProps {
  list: readonly Publication[];
  /** Only these kinds (campaigns, promotions, catalog, prices, content, model); all when absent. */
  kinds?: readonly string[];
  testId: string;
}

/**
 * What head office published, newest first: when, what (kind, version, entity), the target as
 * chosen, the stores it reached then, and who. Stores do not report back what they applied, so
 * delivery is what JetStream holds for them, not shown here. Rows are `<testId>-row` with
 * `data-kind`, `data-entity` and `data-version`; the target cell is `<testId>-target`.
 */
export function PublicationsTable({ list, kinds, testId }: TableProps) {
  const { t } = useT();
  const rows = kinds ? list.filter((p) => kinds.includes(p.kind)) : list;
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
          <tr key={p.id} data-testid={`${testId}-row`} data-kind={p.kind} data-entity={p.entityId} data-version={p.version}>
            <td class={style.nowrap}>{formatDateTime(p.publishedAt)}</td>
            <td class={style.nowrap}>
              {t(`chain.kinds.${p.kind}`, { defaultValue: p.kind })} <span class="muted">v{p.version}</span>
            </td>
            <td>
              {p.summary} <span class="muted">{p.entityId}</span>
            </td>
            <td data-testid={`${testId}-target`}>{targetLabel(p.target, t)}</td>
            <td>{p.storeIds.join(', ') || '—'}</td>
            <td>{p.publishedBy}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The same table for a query still loading (loading and error states from `QueryView`). */
export function HqPublications({ query, ...table }: Omit<TableProps, 'list'> & { query: Query<Publication[]> }) {
  const { t } = useT();
  return (
    <QueryView query={query} what={t('chain.publications')}>
      {(list) => <PublicationsTable list={list} {...table} />}
    </QueryView>
  );
}
