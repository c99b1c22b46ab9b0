import { PageHeader } from '../../components/page-header';
import { EmptyState } from '../../components/query-view';
import { onLinkClick } from '../../lib/use-location';

/** Unknown URL, or a page the signed-in role may not open. */
export default function NotFound() {
  return (
    <>
      <PageHeader title="Page not found" />
      <EmptyState title="There is nothing here for your account" testId="not-found">
        <p>
          The address may be mistyped, or your role cannot open this page.{' '}
          <a href={import.meta.env.BASE_URL} onClick={onLinkClick}>
            Go to the overview
          </a>
          .
        </p>
      </EmptyState>
    </>
  );
}
