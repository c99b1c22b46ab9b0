import { useState } from 'preact/hooks';
import { LAYOUT_TEMPLATE_IDS, LAYOUT_TEMPLATES, type LayoutTemplateId, type MediaItem, type Publication } from '@vitrina/contracts';
import { HqPublications } from '../../components/hq-publications';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { EmptyState, ErrorNotice, QueryView } from '../../components/query-view';
import { ALL_STORES, StoreTargetPicker, draftToTarget, type TargetDraft } from '../../components/store-target';
import { can } from '../../lib/roles';
import { EMPTY_SIGNAGE, draftKindsFor, signageRequest, type SignageDraft, type SlideDraft } from '../../lib/hq-publish';
import { useAuth } from '../../lib/use-auth';
import { useHqContent } from '../../lib/use-hq-content';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

/**
 * Content for store groups: head office's media library (the media domain's checks: type by
 * content, sharp, the SVG policy), a layout composed from it with a schedule for one zone, and its
 * publication to all stores, a region or listed stores. Each store puts the files into its own
 * library and the layout and schedule into its signage.
 */
export default function HqContentPage() {
  const { t } = useT();
  const { user } = useAuth();
  const editable = can(user?.role, 'content.edit');
  const hq = useHqContent();
  const [draft, setDraft] = useState<SignageDraft>(EMPTY_SIGNAGE);
  const [target, setTarget] = useState<TargetDraft>(ALL_STORES);
  const [sent, setSent] = useState<Publication | null>(null);
  const media = new Map((hq.library.data?.items ?? []).map((m) => [m.id, m]));
  const request = signageRequest(draft, draftToTarget(target), media);

  return (
    <>
      <PageHeader title={t('nav.hq-content')} description={t('hqContent.description')} />
      <Panel title={t('hqContent.library')} testId="hq-content-library">
        {editable && (
          <label class="field">
            <span>{t('hqContent.upload')}</span>
            <input type="file" multiple accept="image/jpeg,image/png,image/webp,image/svg+xml,video/mp4,video/webm"
              onChange={(e) => { const files = [...(e.currentTarget.files ?? [])]; e.currentTarget.value = ''; void hq.uploadFiles(files); }} data-testid="hq-content-upload" />
          </label>
        )}
        {hq.upload.progress && <p class="muted">{t('hqContent.uploading', { name: hq.upload.progress.name })}</p>}
        {hq.upload.error && <ErrorNotice error={hq.upload.error} />}
        <QueryView query={hq.library} what={t('hqContent.library')}>
          {({ items }) => items.length === 0 ? <EmptyState title={t('hqContent.noMedia')} /> : (
            <ul class={style.library}>
              {items.map((m) => (
                <li key={m.id} data-testid="hq-content-media">
                  {m.thumbnailUrl ? <img src={m.thumbnailUrl} alt="" /> : <span class={style.noThumb}>{m.kind}</span>}
                  <span class={style.name}>{m.name}</span>
                </li>
              ))}
            </ul>
          )}
        </QueryView>
      </Panel>

      {editable && (
        <Panel title={t('hqContent.compose')} testId="hq-content-compose">
          <div class={style.row}>
            <label class="field">
              <span>{t('hqContent.name')}</span>
              <input class="input" maxLength={120} value={draft.name} onInput={(e) => setDraft({ ...draft, name: e.currentTarget.value })} data-testid="hq-content-name" />
            </label>
            <label class="field">
              <span>{t('hqContent.template')}</span>
              <select class="select" value={draft.template} onChange={(e) => setDraft({ ...draft, template: e.currentTarget.value as LayoutTemplateId, regions: {} })} data-testid="hq-content-template">
                {LAYOUT_TEMPLATE_IDS.map((id) => <option key={id} value={id}>{t(`hqContent.templates.${id}`)}</option>)}
              </select>
            </label>
            <label class="field">
              <span>{t('hqContent.zone')}</span>
              <input class="input" value={draft.zoneId} onInput={(e) => setDraft({ ...draft, zoneId: e.currentTarget.value })} data-testid="hq-content-zone" />
            </label>
          </div>
          {LAYOUT_TEMPLATES[draft.template].regions.map((r) => (
            <RegionEditor
              key={`${draft.template}-${r.id}`} regionId={r.id} kinds={draftKindsFor(draft.template, r.id)} media={[...media.values()]}
              slides={draft.regions[r.id] ?? []} onChange={(slides) => setDraft({ ...draft, regions: { ...draft.regions, [r.id]: slides } })}
            />
          ))}
          <fieldset class={style.when}>
            <legend>{t('hqContent.when')}</legend>
            <label><input type="radio" name="hq-when" checked={draft.when.kind === 'always'} onChange={() => setDraft({ ...draft, when: { kind: 'always' } })} data-testid="hq-content-always" /> {t('hqContent.always')}</label>
            <label><input type="radio" name="hq-when" checked={draft.when.kind === 'daily'} onChange={() => setDraft({ ...draft, when: { kind: 'daily', start: '08:00', end: '12:00' } })} data-testid="hq-content-daily" /> {t('hqContent.daily')}</label>
            {draft.when.kind === 'daily' && (
              <>
                <input class="input" type="time" value={draft.when.start} onInput={(e) => setDraft({ ...draft, when: { kind: 'daily', start: e.currentTarget.value, end: draft.when.kind === 'daily' ? draft.when.end : '12:00' } })} data-testid="hq-content-start" />
                <input class="input" type="time" value={draft.when.end} onInput={(e) => setDraft({ ...draft, when: { kind: 'daily', start: draft.when.kind === 'daily' ? draft.when.start : '08:00', end: e.currentTarget.value } })} data-testid="hq-content-end" />
              </>
            )}
          </fieldset>
          <div class={style.publish}>
            <StoreTargetPicker value={target} onChange={setTarget} testId="hq-content-target" />
            <button type="button" class="btn btn-primary" disabled={!request || hq.publish.pending} data-testid="hq-content-publish"
              onClick={() => request && void hq.publish.run(request).then((p) => setSent(p ?? null))}>
              {t('hqContent.publish')}
            </button>
          </div>
          {!request && <p class="muted">{t('hqContent.incomplete')}</p>}
          {hq.publish.error && <ErrorNotice error={hq.publish.error} />}
          {sent && <p class="muted" data-testid="hq-content-sent">{t('hqContent.sent', { stores: sent.storeIds.join(', ') })}</p>}
        </Panel>
      )}

      <Panel title={t('chain.publications')} testId="hq-content-publications">
        <HqPublications query={hq.publications} kinds={['content']} testId="hq-content-published" />
      </Panel>
    </>
  );
}

function newSlide(kind: SlideDraft['kind'], media: readonly MediaItem[]): SlideDraft {
  if (kind === 'image') return { kind, mediaId: media[0]?.id ?? '', title: '', seconds: 8 };
  if (kind === 'message') return { kind, title: '', body: '', seconds: 8 };
  return { kind, text: '', seconds: 10 };
}

/** One region's slides: add, edit, remove (the kinds the region accepts that this form makes). */
function RegionEditor({ regionId, kinds, media, slides, onChange }: { regionId: string; kinds: SlideDraft['kind'][]; media: MediaItem[]; slides: SlideDraft[]; onChange: (s: SlideDraft[]) => void }) {
  const { t } = useT();
  const set = (i: number, s: SlideDraft) => onChange(slides.map((x, j) => (j === i ? s : x)));
  return (
    <fieldset class={style.region} data-testid={`hq-content-region-${regionId}`}>
      <legend>{t('hqContent.region', { region: regionId })}</legend>
      {slides.map((s, i) => (
        <div key={i} class={style.slide}>
          <span class={style.kind}>{t(`hqContent.kinds.${s.kind}`)}</span>
          {s.kind === 'image' && (
            <select class="select" value={s.mediaId} onChange={(e) => set(i, { ...s, mediaId: e.currentTarget.value })} data-testid="hq-slide-media">
              {media.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
            </select>
          )}
          {(s.kind === 'image' || s.kind === 'message') && (
            <input class="input" placeholder={t('hqContent.title')} maxLength={200} value={s.title} onInput={(e) => set(i, { ...s, title: e.currentTarget.value })} data-testid="hq-slide-title" />
          )}
          {s.kind === 'message' && (
            <input class="input" placeholder={t('hqContent.body')} maxLength={1000} value={s.body} onInput={(e) => set(i, { ...s, body: e.currentTarget.value })} data-testid="hq-slide-body" />
          )}
          {s.kind === 'ticker' && (
            <input class="input" placeholder={t('hqContent.ticker')} maxLength={500} value={s.text} onInput={(e) => set(i, { ...s, text: e.currentTarget.value })} data-testid="hq-slide-text" />
          )}
          <input class={`input ${style.seconds}`} type="number" min={1} max={600} value={s.seconds} title={t('hqContent.seconds')}
            onInput={(e) => set(i, { ...s, seconds: Number(e.currentTarget.value) || 1 })} />
          <button type="button" class="btn" onClick={() => onChange(slides.filter((_, j) => j !== i))}>{t('hqContent.remove')}</button>
        </div>
      ))}
      <div class={style.add}>
        {kinds.map((k) => (
          <button key={k} type="button" class="btn" disabled={k === 'image' && media.length === 0} onClick={() => onChange([...slides, newSlide(k, media)])} data-testid={`hq-content-add-${regionId}-${k}`}>
            {t('hqContent.add', { kind: t(`hqContent.kinds.${k}`) })}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
