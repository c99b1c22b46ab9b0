import { useEffect, useState } from 'preact/hooks';
import { ROUTES, type Product } from '@vitrina/contracts';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { EmptyState, ErrorNotice, Loading } from '../../components/query-view';
import { StatusChip } from '../../components/status-chip';
import { formatCount, formatMoney } from '../../lib/format';
import { can } from '../../lib/roles';
import { useApi } from '../../lib/use-api';
import { useAuth } from '../../lib/use-auth';
import { ProductEditor } from './product-editor';
import style from './style.module.css';
import { routeTitle } from '../../lib/route-title';
import { useT } from '../../lib/use-t';

const PAGE_SIZE = 50;

/** The catalogue: search by name, barcode, article or id; placeholders from the till to review; edit and add products. */
export default function ProductsPage() {
  const { t } = useT();
  const { user } = useAuth();
  const editable = can(user?.role, 'catalog.edit');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [needsReview, setNeedsReview] = useState(false);
  const [includeInactive, setIncludeInactive] = useState(false);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<string | 'new' | null>(null);

  // Search as the user types, after a short pause; a new search starts at page 1.
  useEffect(() => {
    const timer = setTimeout(() => { setQ(typed.trim()); setPage(1); }, 250);
    return () => clearTimeout(timer);
  }, [typed]);

  const query = { page, pageSize: PAGE_SIZE, ...(q ? { q } : {}), ...(needsReview ? { needsReview } : {}), ...(includeInactive ? { includeInactive } : {}) };
  const list = useApi(ROUTES.catalog.list, { query });
  const review = useApi(ROUTES.catalog.list, { query: { needsReview: true, pageSize: 1 } });

  const done = () => { setEditing(null); list.reload(); review.reload(); };
  const reviewCount = review.data?.total ?? 0;

  return (
    <>
      <PageHeader
        title={routeTitle({ id: 'products', title: 'Products' }, t)}
        description={t('products.description')}
        actions={editable ? <button type="button" class="btn btn-primary" onClick={() => setEditing('new')} data-testid="product-new">{t('products.new')}</button> : undefined}
      />
      {editing && <ProductEditor id={editing === 'new' ? null : editing} editable={editable} onDone={done} onCancel={() => setEditing(null)} />}
      <Panel flush>
        <div class={style.toolbar}>
          <label class={`field ${style.search}`}>
            <span>{t('products.search')}</span>
            <input class="input" type="search" value={typed} placeholder={t('products.searchPlaceholder')} onInput={(e) => setTyped(e.currentTarget.value)} data-testid="product-search" />
          </label>
          <label class={style.check}>
            <input type="checkbox" checked={needsReview} onChange={(e) => { setNeedsReview(e.currentTarget.checked); setPage(1); }} data-testid="product-needs-review" />
            <span>{t('products.needsReviewOnly')}{reviewCount > 0 ? ` (${formatCount(reviewCount)})` : ''}</span>
          </label>
          <label class={style.check}>
            <input type="checkbox" checked={includeInactive} onChange={(e) => { setIncludeInactive(e.currentTarget.checked); setPage(1); }} data-testid="product-include-inactive" />
            <span>{t('products.showDeactivated')}</span>
          </label>
        </div>
        {list.error && !list.data ? <div class={style.pad}><ErrorNotice error={list.error} onRetry={list.reload} /></div>
          : !list.data ? <div class={style.pad}><Loading /></div>
          : list.data.items.length === 0 ? (
            <EmptyState title={q || needsReview ? t('products.noMatch') : t('products.emptyCatalogue')}>
              {!q && !needsReview && t('products.emptyHint')}
            </EmptyState>
          ) : (
            <>
              <ProductTable items={list.data.items} onOpen={(id) => setEditing(id)} />
              <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} />
            </>
          )}
      </Panel>
    </>
  );
}

function ProductTable({ items, onOpen }: { items: Product[]; onOpen: (id: string) => void }) {
  const { t } = useT();
  return (
    <div class="table-wrap">
      <table class="table" data-testid="product-table">
        <thead>
          <tr>
            <th scope="col">{t('products.product')}</th>
            <th scope="col">{t('products.barcode')}</th>
            <th scope="col">{t('products.article')}</th>
            <th scope="col">{t('products.group')}</th>
            <th scope="col" class="num">{t('products.price')}</th>
            <th scope="col">{t('products.state')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr key={p.id} data-testid="product-row">
              <td>
                <button type="button" class={style.link} onClick={() => onOpen(p.id)}>{p.name}</button>
                <div class={style.id}>{p.id}</div>
              </td>
              <td>{p.barcodes[0] ?? '—'}{p.barcodes.length > 1 ? ` +${p.barcodes.length - 1}` : ''}</td>
              <td>{p.article ?? '—'}</td>
              <td>{p.groupPath.length > 0 ? p.groupPath.join(' › ') : `${p.department} › ${p.category}`}</td>
              <td class="num">{p.priceMinor == null ? '—' : formatMoney(p.priceMinor)}</td>
              <td class={style.states}>
                {p.needsReview && <StatusChip tone="warn">{t('products.needsReview')}</StatusChip>}
                {!p.active && <StatusChip tone="neutral">{t('products.deactivated')}</StatusChip>}
                {p.restricted && <StatusChip tone="info" title={p.egais ? t('products.egaisAlcohol') : undefined}>{p.restrictedKind ? t('products.restrictedKind', { kind: t(`products.restrictedKinds.${p.restrictedKind}`, { defaultValue: p.restrictedKind }) }) : t('products.restricted')}{p.egais ? ` (${t('products.egais')})` : ''}</StatusChip>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Pager({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage: (p: number) => void }) {
  const { t } = useT();
  const last = Math.max(1, Math.ceil(total / pageSize));
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <div class={style.pager}>
      <span data-testid="product-range">{t('common.range', { from: formatCount(from), to: formatCount(to), total: formatCount(total) })}</span>
      <button type="button" class="btn btn-small" disabled={page <= 1} onClick={() => onPage(page - 1)}>{t('products.previous')}</button>
      <button type="button" class="btn btn-small" disabled={page >= last} onClick={() => onPage(page + 1)}>{t('products.next')}</button>
    </div>
  );
}
