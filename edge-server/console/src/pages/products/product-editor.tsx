import { useEffect, useState } from 'preact/hooks';
import { RESTRICTED_KINDS, ROUTES, type CreateProductRequest, type ProductDetail, type UpdateProductRequest } from '@vitrina/contracts';
import { Panel } from '../../components/panel';
import { ErrorNotice, Loading } from '../../components/query-view';
import { api } from '../../lib/api';
import { describeError } from '../../lib/api-error';
import { formatDateTime, formatMoney } from '../../lib/format';
import { useAction, useApi } from '../../lib/use-api';
import { productFormFrom, productFormProblems, productRequestFrom, type ProductForm } from './product-form';
import style from './style.module.css';
import { useT } from '../../lib/use-t';

/** Edits one product (or adds one when `id` is null): fields, barcodes, price with its history, deactivation, review. */
export function ProductEditor({ id, editable, onDone, onCancel }: { id: string | null; editable: boolean; onDone: () => void; onCancel: () => void }) {
  const { t } = useT();
  const detail = useApi(ROUTES.catalog.get, { params: { id: id ?? '' }, skip: id === null });
  if (id !== null && !detail.data) {
    return <Panel title={t('products.product')}>{detail.error ? <ErrorNotice error={detail.error} onRetry={detail.reload} /> : <Loading />}</Panel>;
  }
  return <EditorForm key={id ?? 'new'} product={id === null ? null : detail.data!} editable={editable} onDone={onDone} onCancel={onCancel} />;
}

function EditorForm({ product, editable, onDone, onCancel }: { product: ProductDetail | null; editable: boolean; onDone: () => void; onCancel: () => void }) {
  const { t, fmt } = useT();
  const [f, setF] = useState<ProductForm>(() => productFormFrom(product));
  const [problems, setProblems] = useState<string[]>([]);
  useEffect(() => setF(productFormFrom(product)), [product]);
  const save = useAction(async (body: CreateProductRequest | UpdateProductRequest) =>
    product ? api.call(ROUTES.catalog.update, { params: { id: product.id }, body: body as UpdateProductRequest }) : api.call(ROUTES.catalog.create, { body: body as CreateProductRequest }));
  const set = <K extends keyof ProductForm>(k: K) => (e: { currentTarget: { value: string } }) => setF({ ...f, [k]: e.currentTarget.value });

  async function submit(e: Event) {
    e.preventDefault();
    const found = productFormProblems(f, product === null);
    setProblems(found);
    if (found.length > 0) return;
    if (await save.run(productRequestFrom(f, product))) onDone();
  }
  async function patch(body: UpdateProductRequest) {
    if (await save.run(body)) onDone();
  }

  const readOnly = !editable;
  return (
    <Panel title={product ? product.name : t('products.new')} testId="product-editor">
      <form class={style.editor} onSubmit={submit} noValidate data-testid="product-form">
        {!product && (
          <label class="field">
            <span>{t('products.id')}</span>
            <input class="input" value={f.id} onInput={set('id')} placeholder="sku-1001" data-testid="product-id" />
          </label>
        )}
        <label class={`field ${style.wide}`}>
          <span>{t('products.name')}</span>
          <input class="input" value={f.name} maxLength={200} disabled={readOnly} onInput={set('name')} data-testid="product-name" />
        </label>
        <label class="field">
          <span>{t('products.shortName')}</span>
          <input class="input" value={f.shortName} maxLength={40} disabled={readOnly} onInput={set('shortName')} data-testid="product-short-name" />
        </label>
        <label class="field">
          <span>{t('products.article')}</span>
          <input class="input" value={f.article} disabled={readOnly} onInput={set('article')} data-testid="product-article" />
        </label>
        <label class={`field ${style.wide}`}>
          <span>{t('products.barcodes')}</span>
          <input class="input" value={f.barcodes} disabled={readOnly} onInput={set('barcodes')} data-testid="product-barcodes" />
        </label>
        <label class="field">
          <span>{t('products.brand')}</span>
          <input class="input" value={f.brand} disabled={readOnly} onInput={set('brand')} data-testid="product-brand" />
        </label>
        <label class="field">
          <span>{t('products.department')}</span>
          <input class="input" value={f.department} disabled={readOnly} onInput={set('department')} data-testid="product-department" />
        </label>
        <label class="field">
          <span>{t('products.category')}</span>
          <input class="input" value={f.category} disabled={readOnly} onInput={set('category')} data-testid="product-category" />
        </label>
        <label class="field">
          <span>{t('products.unit')}</span>
          <input class="input" value={f.unit} disabled={readOnly} onInput={set('unit')} placeholder={t('products.unitPlaceholder')} data-testid="product-unit" />
        </label>
        <label class="field">
          <span>{t('products.shelfPrice', { currency: fmt.currency })}</span>
          <input class="input" inputMode="decimal" value={f.price} disabled={readOnly} onInput={set('price')} data-testid="product-price" />
        </label>
        <label class="field">
          <span>{t('products.vat')}</span>
          <input class="input" value={f.vatRate} disabled={readOnly} onInput={set('vatRate')} placeholder={t('products.vatPlaceholder')} data-testid="product-vat" />
        </label>
        <label class={`field ${style.wide}`}>
          <span>{t('products.image')}</span>
          <input class="input" value={f.image} disabled={readOnly} onInput={set('image')} data-testid="product-image" />
        </label>
        <label class="field">
          <span>{t('products.restricted')}</span>
          <select class="select" value={f.restrictedKind} disabled={readOnly} onChange={set('restrictedKind')} data-testid="product-restricted-kind">
            <option value="">{t('products.restrictedNone')}</option>
            {RESTRICTED_KINDS.map((k) => <option key={k} value={k}>{t(`products.restrictedKinds.${k}`, { defaultValue: k })}</option>)}
          </select>
        </label>
        <label class={style.check}>
          <input type="checkbox" checked={f.egais} disabled={readOnly} onChange={(e) => setF({ ...f, egais: e.currentTarget.checked })} data-testid="product-egais" />
          <span>{t('products.egaisAlcohol')}</span>
        </label>
        {editable && (
          <div class={style.actions}>
            <button type="submit" class="btn btn-primary" disabled={save.pending} data-testid="product-save">{product ? t('products.save') : t('products.add')}</button>
            {product?.needsReview && <button type="button" class="btn" disabled={save.pending} onClick={() => patch({ needsReview: false })} data-testid="product-reviewed">{t('products.markReviewed')}</button>}
            {product && (product.active
              ? <button type="button" class="btn btn-danger" disabled={save.pending} onClick={() => patch({ active: false })} data-testid="product-deactivate">{t('products.deactivate')}</button>
              : <button type="button" class="btn" disabled={save.pending} onClick={() => patch({ active: true })} data-testid="product-reactivate">{t('products.reactivate')}</button>)}
            <button type="button" class="btn" onClick={onCancel}>{t('common.close')}</button>
          </div>
        )}
        {!editable && <div class={style.actions}><button type="button" class="btn" onClick={onCancel}>{t('common.close')}</button></div>}
        {(problems.length > 0 || save.error) && (
          <ul class={style.error} role="alert">
            {problems.map((p) => <li key={p}>{p}</li>)}
            {save.error && <li>{describeError(save.error)}</li>}
          </ul>
        )}
      </form>
      {product && <PriceHistory product={product} />}
    </Panel>
  );
}

function PriceHistory({ product }: { product: ProductDetail }) {
  const { t } = useT();
  if (product.priceHistory.length === 0 && product.prices.length === 0) return null;
  return (
    <div class={style.history} data-testid="product-price-history">
      {product.prices.length > 0 && (
        <p>{t('products.priceTypes')} {product.prices.map((p) => `${p.priceTypeName} ${formatMoney(p.priceMinor)}`).join(' · ')}</p>
      )}
      {product.priceHistory.length > 0 && (
        <table class="table">
          <thead><tr><th scope="col">{t('products.changed')}</th><th scope="col" class="num">{t('products.price')}</th><th scope="col">{t('products.by')}</th></tr></thead>
          <tbody>
            {product.priceHistory.map((h) => (
              <tr key={`${h.changedAt}-${h.priceMinor}`}><td>{formatDateTime(h.changedAt)}</td><td class="num">{h.priceMinor == null ? '—' : formatMoney(h.priceMinor)}</td><td>{t(`products.sources.${h.source}`, { defaultValue: h.source })}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

