import type { Publication } from '@vitrina/contracts';
import { EmptyState, QueryView } from '../query-view';
import type { Query } from '../../lib/use-api';
import { formatDateTime } from '../../lib/format';
import { targetText } from '../../lib/hq-publish';
import { useT } from '../../lib/use-t';

interface Props {
  query: Query<Publication[]>;
  /** Only these kinds (catalog, prices, content, model…). */
  kinds: readonly string[];
  testId: string;
}

/**
 * What head office published of some kinds, newest first: when, what, the target as chosen and
 * the stores it reached then, who. Rows are `<testId>-row` with `data-kind`.
 */
export function HqPublications({ query, kinds, testId }: Props) {
  const { t } = useT();
  const words = { all: t('hqPublish.targetAll'), region: t('hqPublish.targetRegion'), stores: t('hqPublish.targetStores') };
  return (
    <QueryView query={query} what={t('chain.publications')}>
      {(all) => {
        const list = all.filter((p) => kinds.includes(p.kind));
        return list.length === 0 ? (
          <EmptyState title={t('chain.nothingPublished')} />
        ) : (
          <table class="table" data-testid={testId}>
            <thead>
              <tr>
                <th>{t('chain.when')}</th>
                <th>{t('chain.kind')}</th>
                <th>{t('chain.what')}</th>
                <th>{t('hqPublish.target')}</th>
                <th>{t('chain.stores')}</th>
                <th>{t('chain.by')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((p) => (
                <tr key={p.id} data-testid={`${testId}-row`} data-kind={p.kind}>
                  <td>{formatDateTime(p.publishedAt)}</td>
                  <td>{p.kind} v{p.version}</td>
                  <td>{p.summary}</td>
                  <td data-testid={`${testId}-target`}>{targetText(p.target, words)}</td>
                  <td>{p.storeIds.join(', ') || '—'}</td>
                  <td>{p.publishedBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        );
      }}
    </QueryView>
  );
}
