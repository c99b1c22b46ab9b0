import { DiscountFields } from '../../components/discount-fields';
import { useT } from '../../lib/use-t';
import { newOfferDraft, type OfferDraft } from './campaign-draft';
import style from './style.module.css';

/**
 * The campaign's personal offers: product id (as in the stores' catalogue — head office has no
 * catalogue of its own), the card's title, the discount kind and value. Removing a row and
 * re-publishing ends that offer at the stores; its clips stay.
 */
export function OfferRows({ offers, onChange }: { offers: OfferDraft[]; onChange: (offers: OfferDraft[]) => void }) {
  const { t } = useT();
  const set = (i: number, patch: Partial<OfferDraft>) => onChange(offers.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  return (
    <fieldset class={style.offers} data-testid="hq-offers">
      <legend>{t('hqCampaigns.offers')}</legend>
      {offers.length === 0 && <p class="muted">{t('hqCampaigns.noOffers')}</p>}
      {offers.map((o, i) => (
        <div key={o.offerId} class={style.offerRow} data-testid={`hq-offer-${i}`}>
          <label class="field">
            <span>{t('hqCampaigns.productId')}</span>
            <input class="input" value={o.productId} onInput={(e) => set(i, { productId: e.currentTarget.value })} data-testid={`hq-offer-${i}-product`} />
          </label>
          <label class="field">
            <span>{t('hqCampaigns.offerTitle')}</span>
            <input class="input" value={o.title} maxLength={120} onInput={(e) => set(i, { title: e.currentTarget.value })} data-testid={`hq-offer-${i}-title`} />
          </label>
          <DiscountFields
            label={t('hqCampaigns.discountKind')}
            kind={o.discountKind}
            value={o.discountValue}
            onKind={(discountKind) => set(i, { discountKind })}
            onValue={(discountValue) => set(i, { discountValue })}
            testIds={{ kind: `hq-offer-${i}-kind`, value: `hq-offer-${i}-value` }}
          />
          <button type="button" class="btn btn-small btn-ghost" onClick={() => onChange(offers.filter((_, j) => j !== i))} data-testid={`hq-offer-${i}-remove`}>
            {t('hqCampaigns.removeOffer')}
          </button>
        </div>
      ))}
      <button type="button" class="btn btn-small" onClick={() => onChange([...offers, newOfferDraft()])} data-testid="hq-offer-add">
        {t('hqCampaigns.addOffer')}
      </button>
    </fieldset>
  );
}
