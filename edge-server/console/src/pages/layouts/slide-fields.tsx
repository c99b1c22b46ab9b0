import { ROUTES, type MediaRef, type Slide } from '@vitrina/contracts';
import { ProductPicker } from '../../components/product-picker';
import { useApi } from '../../lib/use-api';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

interface Props {
  slide: Slide;
  editable: boolean;
  onChange: (slide: Slide) => void;
}

/** The fields of one slide, by its kind. */
export function SlideFields({ slide, editable, onChange }: Props) {
  const { t } = useT();
  const seconds = (
    <label class={`field ${style.seconds}`}>
      <span>{t('layouts.seconds')}</span>
      <input class="input" type="number" min={1} max={600} step={1} readOnly={!editable} value={slide.durationMs / 1000}
        onInput={(e) => onChange({ ...slide, durationMs: Math.round(Number(e.currentTarget.value) * 1000) })} data-testid="slide-seconds" />
    </label>
  );
  const title = 'title' in slide && (
    <label class={`field ${style.grow}`}>
      <span>{t('layouts.title')}</span>
      <input class="input" readOnly={!editable} maxLength={200} value={slide.title} onInput={(e) => onChange({ ...slide, title: e.currentTarget.value })} data-testid="slide-title" />
    </label>
  );
  return (
    <div class={style.slideFields}>
      <div class={style.row}>
        {title}
        {seconds}
      </div>
      {(slide.kind === 'image' || slide.kind === 'video') && editable && (
        <MediaChoice kind={slide.kind} value={slide.media.mediaId} onChoose={(media) => onChange({ ...slide, media })} />
      )}
      {(slide.kind === 'image' || slide.kind === 'video') && (
        <div class={style.row}>
          <label class={`field ${style.grow}`}>
            <span>{slide.kind === 'image' ? t('layouts.imageUrl') : t('layouts.videoUrl')}</span>
            <input class="input" readOnly={!editable} value={slide.media.url} placeholder="/media/produce.svg"
              onInput={(e) => onChange({ ...slide, media: { ...slide.media, url: e.currentTarget.value } })} data-testid="slide-media-url" />
          </label>
          <label class={`field ${style.grow}`}>
            <span>{t('layouts.hash')}</span>
            <input class="input" readOnly={!editable} value={slide.media.sha256 ?? ''} placeholder={t('layouts.hashHint')}
              onInput={(e) => onChange({ ...slide, media: { ...slide.media, sha256: e.currentTarget.value.trim().toLowerCase() || null } })} data-testid="slide-media-hash" />
          </label>
        </div>
      )}
      {(slide.kind === 'image' || slide.kind === 'message') && (
        <label class="field">
          <span>{t('layouts.text')}</span>
          <textarea class="input" rows={2} readOnly={!editable} maxLength={1000} value={slide.body} onInput={(e) => onChange({ ...slide, body: e.currentTarget.value })} data-testid="slide-body" />
        </label>
      )}
      {slide.kind === 'ticker' && (
        <label class="field">
          <span>{t('layouts.tickerText')}</span>
          <input class="input" readOnly={!editable} maxLength={500} value={slide.text} onInput={(e) => onChange({ ...slide, text: e.currentTarget.value })} data-testid="slide-ticker-text" />
        </label>
      )}
      {slide.kind === 'offers-board' && (
        <label class={`field ${style.seconds}`}>
          <span>{t('layouts.maxOffers')}</span>
          <input class="input" type="number" min={1} max={12} readOnly={!editable} value={slide.maxOffers}
            onInput={(e) => onChange({ ...slide, maxOffers: Math.max(1, Math.min(12, Math.round(Number(e.currentTarget.value)) || 1)) })} data-testid="slide-max-offers" />
          <small class={style.hint}>{t('layouts.offersHint')}</small>
        </label>
      )}
      {slide.kind === 'price-board' && (
        <div class="field">
          <span>{t('layouts.products')}</span>
          <ul class={style.chips}>
            {slide.productIds.map((id) => (
              <li key={id} class={style.chip}>
                {id}
                {editable && (
                  <button type="button" class="btn btn-small btn-ghost" aria-label={t('layouts.removeProduct', { id })} onClick={() => onChange({ ...slide, productIds: slide.productIds.filter((p) => p !== id) })}>
                    ×
                  </button>
                )}
              </li>
            ))}
          </ul>
          {editable && slide.productIds.length < 24 && (
            <ProductPicker value="" label={t('layouts.addProduct')} testId="slide-product-picker"
              onChange={(id) => { if (id && !slide.productIds.includes(id)) onChange({ ...slide, productIds: [...slide.productIds, id] }); }} />
          )}
        </div>
      )}
    </div>
  );
}

/** Picks a file of the media library: its id, URL and hash go into the slide. */
function MediaChoice({ kind, value, onChoose }: { kind: 'image' | 'video'; value: string | null; onChoose: (media: MediaRef) => void }) {
  const { t } = useT();
  const library = useApi(ROUTES.media.list, { query: { kind } });
  const items = library.data?.items ?? [];
  return (
    <label class="field">
      <span>{t('layouts.fromLibrary')}</span>
      <select class="select" value={value ?? ''} data-testid="slide-media-pick"
        onChange={(e) => {
          const item = items.find((i) => i.id === e.currentTarget.value);
          if (item) onChoose({ mediaId: item.id, url: item.url, sha256: item.id });
        }}>
        <option value="">{items.length === 0 ? t('layouts.libraryEmpty') : t('layouts.pickFile')}</option>
        {items.map((i) => <option key={i.id} value={i.id}>{i.name}</option>)}
      </select>
    </label>
  );
}
