import { useState } from 'preact/hooks';
import { ROUTES, type CreateCampaignOfferRequest, type DiscountKind } from '@vitrina/contracts';
import { ProductPicker } from '../../components/product-picker';
import { api } from '../../lib/api';
import { ApiError, describeError } from '../../lib/api-error';
import { DiscountFields } from '../../components/discount-fields';
import { discountHint, discountValueFromInput } from '../../lib/forms';
import { useAction } from '../../lib/use-api';
import style from './style.module.css';
import { useT } from '../../lib/use-t';

/** Attaches a product offer to a campaign; the model decides who sees it, the holdout who must not. */
export function AddOfferForm({ campaignId, onDone }: { campaignId: string; onDone: () => void }) {
  const { t, language } = useT();
  const [productId, setProductId] = useState('');
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<DiscountKind>('percent');
  const [value, setValue] = useState('10');
  const [problem, setProblem] = useState<string | null>(null);
  const [kioskOnly, setKioskOnly] = useState(false);
  const [warning, setWarning] = useState<string | null>(null);
  const add = useAction((body: CreateCampaignOfferRequest) => api.call(ROUTES.campaigns.addOffer, { params: { id: campaignId }, body }));
  // The server refused a restricted product (alcohol, tobacco…) without the kiosk-only acknowledgement.
  const needsKioskOnly = add.error instanceof ApiError && add.error.details.some((d) => d.path === '/kioskOnly');

  async function submit(e: Event) {
    e.preventDefault();
    const parsed = discountValueFromInput(kind, value);
    if (!productId.trim() || !title.trim()) return setProblem(t('campaigns.offer.productAndTitle'));
    if (parsed === null) return setProblem(t('campaigns.offer.validValue', { hint: discountHint(kind) }));
    setProblem(null);
    setWarning(null);
    const body: CreateCampaignOfferRequest = { productId: productId.trim(), title: title.trim(), discountKind: kind, discountValue: parsed, ...(kioskOnly ? { kioskOnly } : {}) };
    const created = await add.run(body);
    if (!created) return;
    // A restricted product's offer was added as kiosk-only: say so before closing.
    // The server words its warning in English; other languages say the same from the catalogue.
    if (created.warning) setWarning(language === 'en' || !created.restricted ? created.warning : t('campaigns.offer.restrictedWarning'));
    else onDone();
  }

  return (
    <form class={style.offerForm} onSubmit={submit} data-testid="add-offer-form" noValidate>
      <ProductPicker value={productId} onChange={(id) => setProductId(id)} testId="offer-product" />
      <label class="field">
        <span>{t('campaigns.offer.title')}</span>
        <input class="input" value={title} maxLength={120} onInput={(e) => setTitle(e.currentTarget.value)} placeholder={t('campaigns.offer.titlePlaceholder')} data-testid="offer-title" />
      </label>
      <DiscountFields label={t('campaigns.offer.discount')} kind={kind} value={value} onKind={setKind} onValue={setValue} testIds={{ kind: 'offer-kind', value: 'offer-value' }} />
      {(needsKioskOnly || kioskOnly) && (
        <label class={style.kioskOnly}>
          <input type="checkbox" checked={kioskOnly} onChange={(e) => setKioskOnly(e.currentTarget.checked)} data-testid="offer-kiosk-only" />
          <span>{t('campaigns.offer.kioskOnly')}</span>
        </label>
      )}
      <button type="submit" class="btn btn-primary" disabled={add.pending || warning !== null} data-testid="offer-submit">
        {t('campaigns.addOffer')}
      </button>
      <button type="button" class="btn" onClick={onDone}>
        {warning ? t('common.close') : t('common.cancel')}
      </button>
      {warning && (
        <p class={style.warning} role="status" data-testid="offer-warning">
          {t('campaigns.offer.added')} {warning}
        </p>
      )}
      {(problem || add.error) && (
        <p class={style.error} role="alert">
          {problem ?? describeError(add.error)}
        </p>
      )}
    </form>
  );
}
