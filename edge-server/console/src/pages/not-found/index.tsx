import { PageHeader } from '../../components/page-header';
import { EmptyState } from '../../components/query-view';
import { onLinkClick } from '../../lib/use-location';
import { useT } from '../../lib/use-t';

/** Unknown URL, or a page the signed-in role may not open. */
export default function NotFound() {
  const { t } = useT();
  return (
    <>
      <PageHeader title={t('nav.not-found')} />
      <EmptyState title={t('notFound.title')} testId="not-found">
        <p>
          {t('notFound.text')}{' '}
          <a href={import.meta.env.BASE_URL} onClick={onLinkClick}>
            {t('notFound.link')}
          </a>
          .
        </p>
      </EmptyState>
    </>
  );
}
