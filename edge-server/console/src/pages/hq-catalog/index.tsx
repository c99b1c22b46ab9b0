import { useState } from 'preact/hooks';
import type { CatalogPreview, CatalogPreviewRequest, Publication } from '@vitrina/contracts';
import { CodeText } from '../../components/code-text';
import { HqPublications } from '../../components/hq-publications';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { ErrorNotice } from '../../components/query-view';
import { ALL_STORES, StoreTargetPicker, draftToTarget, type TargetDraft } from '../../components/store-target';
import { formatCount, formatMoney } from '../../lib/format';
import { useHqCatalog } from '../../lib/use-hq-catalog';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

/** Rows of the preview's product table (the rest are counted). */
const SHOWN = 20;

/**
 * Head office's catalogue and prices: a CommerceML pair (import.xml + offers.xml) or a products
 * CSV is read by the store's own parsers into a preview — products, shelf prices, rejected rows
 * with their reasons — then published to all stores, a region or listed stores. Each store applies
 * it through its catalogue service (chain inbox).
 */
export default function HqCatalogPage() {
  const { t } = useT();
  const { publications, preview, publish } = useHqCatalog();
  const [format, setFormat] = useState<CatalogPreviewRequest['format']>('commerceml');
  const [files, setFiles] = useState<File[]>([]);
  const [view, setView] = useState<CatalogPreview | null>(null);
  const [target, setTarget] = useState<TargetDraft>(ALL_STORES);
  const [sent, setSent] = useState<Publication[] | null>(null);
  const chosen = draftToTarget(target);
  const prices = new Map(view?.prices.map((p) => [p.productId, p.priceMinor]) ?? []);

  return (
    <>
      <PageHeader title={t('nav.hq-catalog')} description={t('hqCatalog.description')} />
      <Panel title={t('hqCatalog.files')} testId="hq-catalog-files">
        <form
          class={style.files}
          onSubmit={(e) => {
            e.preventDefault();
            setSent(null);
            void preview.run(format, files).then((v) => setView(v ?? null));
          }}
        >
          <label class="field">
            <span>{t('hqCatalog.format')}</span>
            <select class="select" value={format} onChange={(e) => setFormat(e.currentTarget.value as CatalogPreviewRequest['format'])} data-testid="hq-catalog-format">
              <option value="commerceml">{t('hqCatalog.commerceml')}</option>
              <option value="csv">{t('hqCatalog.csv')}</option>
            </select>
          </label>
          <label class="field">
            <span>{format === 'csv' ? t('hqCatalog.csvFile') : t('hqCatalog.xmlFiles')}</span>
            <input
              type="file" multiple={format === 'commerceml'} accept={format === 'csv' ? '.csv,text/csv' : '.xml,application/xml,text/xml'}
              onChange={(e) => setFiles([...(e.currentTarget.files ?? [])])} data-testid="hq-catalog-input"
            />
          </label>
          <button type="submit" class="btn" disabled={files.length === 0 || preview.pending} data-testid="hq-catalog-preview">
            {preview.pending ? t('hqCatalog.reading') : t('hqCatalog.preview')}
          </button>
        </form>
        {format === 'csv' && <p class="muted">{t('hqCatalog.csvColumns')} <CodeText text="id,name,group_path,price_minor,barcodes,…" /></p>}
        {preview.error && <ErrorNotice error={preview.error} />}
      </Panel>

      {view && (
        <Panel title={t('hqCatalog.previewTitle')} testId="hq-catalog-report">
          <p data-testid="hq-catalog-counts">
            {t('hqCatalog.counts', { products: formatCount(view.products.length), prices: formatCount(view.prices.length), rejected: formatCount(view.rejectedCount) })}
          </p>
          {view.products.length > 0 && (
            <table class="table">
              <thead>
                <tr>
                  <th>{t('hqCatalog.id')}</th>
                  <th>{t('hqCatalog.name')}</th>
                  <th>{t('hqCatalog.grouping')}</th>
                  <th>{t('hqCatalog.price')}</th>
                </tr>
              </thead>
              <tbody>
                {view.products.slice(0, SHOWN).map((p) => (
                  <tr key={p.id}>
                    <td><CodeText text={p.id} /></td>
                    <td>{p.name}</td>
                    <td>{[p.department, p.category].filter(Boolean).join(' › ') || '—'}</td>
                    <td>{prices.has(p.id) ? formatMoney(prices.get(p.id)) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {view.products.length > SHOWN && <p class="muted">{t('hqCatalog.more', { count: view.products.length - SHOWN })}</p>}
          {view.rejected.length > 0 && (
            <>
              <h3 class={style.sub}>{t('hqCatalog.rejected')}</h3>
              <ul class={style.rejected} data-testid="hq-catalog-rejected">
                {view.rejected.map((r) => (
                  <li key={r.ref}>
                    <CodeText text={r.ref} /> — {r.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
          {view.warnings.length > 0 && (
            <ul class={`muted ${style.rejected}`}>
              {view.warnings.map((w) => <li key={w}>{w}</li>)}
            </ul>
          )}
          <div class={style.publish}>
            <StoreTargetPicker value={target} onChange={setTarget} testId="hq-catalog-target" />
            <button
              type="button" class="btn btn-primary" data-testid="hq-catalog-publish"
              disabled={!chosen || publish.pending || (view.products.length === 0 && view.prices.length === 0)}
              onClick={() => chosen && void publish.run(chosen, view).then((out) => setSent(out ?? null))}
            >
              {t('hqCatalog.publish')}
            </button>
          </div>
          {publish.error && <ErrorNotice error={publish.error} />}
          {sent && <p class="muted" data-testid="hq-catalog-sent">{t('hqCatalog.sent', { count: sent.length, stores: sent[0]?.storeIds.join(', ') ?? '' })}</p>}
        </Panel>
      )}

      <Panel title={t('chain.publications')} testId="hq-catalog-publications">
        <HqPublications query={publications} kinds={['catalog', 'prices']} testId="hq-catalog-published" />
      </Panel>
    </>
  );
}
