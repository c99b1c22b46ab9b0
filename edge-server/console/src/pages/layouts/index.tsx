import { useState } from 'preact/hooks';
import { LAYOUT_TEMPLATES, LAYOUT_TEMPLATE_IDS, ROUTES, type Layout, type LayoutInput, type LayoutTemplateId, type Slide, type SlideKind } from '@vitrina/contracts';
import { ConfirmButton } from '../../components/confirm-button';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { EmptyState, QueryView } from '../../components/query-view';
import { api } from '../../lib/api';
import { describeError } from '../../lib/api-error';
import { formatDateTime } from '../../lib/format';
import { can } from '../../lib/roles';
import { routeTitle } from '../../lib/route-title';
import { layoutProblems, moveSlide, newLayout, newSlide, switchTemplate, updateRegion } from '../../lib/signage-edit';
import { useAction, useApi } from '../../lib/use-api';
import { useAuth } from '../../lib/use-auth';
import { useT } from '../../lib/use-t';
import { SlideFields } from './slide-fields';
import style from './style.module.css';

/** Layouts: a built-in template with a playlist per region. Schedules (pages/schedule) say when each plays. */
export default function LayoutsPage() {
  const { t } = useT();
  const { user } = useAuth();
  const editable = can(user?.role, 'content.edit');
  const layouts = useApi(ROUTES.signage.layouts);
  /** The layout being edited: an id, 'new', or none. */
  const [selected, setSelected] = useState<string | null>(null);

  return (
    <>
      <PageHeader title={routeTitle({ id: 'layouts', title: 'Screen layouts' }, t)} description={t('layouts.description')} />
      <QueryView query={layouts} what={t('layouts.what')}>
        {({ layouts: list }) => (
          <div class={style.layout}>
            <div>
              <ul class={style.list} data-testid="layout-list">
                {list.map((l) => (
                  <li key={l.id}>
                    <button type="button" class={selected === l.id ? style.itemActive : style.item} onClick={() => setSelected(l.id)} data-testid={`layout-${l.id}`}>
                      <strong>{l.name}</strong>
                      <br />
                      <span class={style.muted}>{t(`layouts.template.${l.template}`)} · {formatDateTime(l.updatedAt)}</span>
                    </button>
                  </li>
                ))}
              </ul>
              {list.length === 0 && <EmptyState title={t('layouts.none')}>{t('layouts.noneText')}</EmptyState>}
              {editable && (
                <p>
                  <button type="button" class="btn btn-primary" onClick={() => setSelected('new')} data-testid="layout-new">
                    {t('layouts.new')}
                  </button>
                </p>
              )}
            </div>
            {selected && (
              <LayoutEditor
                key={selected}
                layout={selected === 'new' ? null : list.find((l) => l.id === selected) ?? null}
                editable={editable}
                onSaved={(l) => { setSelected(l.id); layouts.reload(); }}
                onDeleted={() => { setSelected(null); layouts.reload(); }}
              />
            )}
          </div>
        )}
      </QueryView>
    </>
  );
}

function LayoutEditor({ layout, editable, onSaved, onDeleted }: { layout: Layout | null; editable: boolean; onSaved: (l: Layout) => void; onDeleted: () => void }) {
  const { t } = useT();
  const [draft, setDraft] = useState<LayoutInput>(() => (layout ? { name: layout.name, template: layout.template, regions: layout.regions } : newLayout('full')));
  const [showProblems, setShowProblems] = useState(false);
  const [saved, setSaved] = useState(false);
  const save = useAction((body: LayoutInput) => (layout ? api.call(ROUTES.signage.updateLayout, { params: { layoutId: layout.id }, body }) : api.call(ROUTES.signage.createLayout, { body })));
  const remove = useAction((id: string) => api.call(ROUTES.signage.deleteLayout, { params: { layoutId: id } }));
  const problems = layoutProblems(draft);

  async function onSave() {
    setShowProblems(true);
    setSaved(false);
    if (problems.length > 0) return;
    const result = await save.run({ ...draft, name: draft.name.trim() });
    if (result) {
      setSaved(true);
      setShowProblems(false);
      onSaved(result);
    }
  }

  return (
    <Panel
      testId="layout-editor"
      title={layout ? layout.name : t('layouts.new')}
      actions={
        editable && (
          <>
            {layout && (
              <ConfirmButton label={t('layouts.delete')} confirmLabel={t('layouts.deleteConfirm')} testId="layout-delete"
                onConfirm={() => void remove.run(layout.id).then((r) => r && onDeleted())} />
            )}
            <button type="button" class="btn btn-small btn-primary" disabled={save.pending} onClick={() => void onSave()} data-testid="layout-save">
              {save.pending ? t('layouts.saving') : t('layouts.save')}
            </button>
          </>
        )
      }
    >
      {saved && <p class={style.saved} role="status" data-testid="layout-saved">{t('layouts.saved')}</p>}
      {(save.error ?? remove.error) && <p class={style.problem} role="alert" data-testid="layout-error">{describeError((save.error ?? remove.error)!)}</p>}
      {showProblems && problems.length > 0 && (
        <ul class={style.problems} role="alert" data-testid="layout-problems">
          {problems.map((p, i) => <li key={i}>{t(p.key, p.values)}</li>)}
        </ul>
      )}
      <label class="field">
        <span>{t('layouts.name')}</span>
        <input class="input" readOnly={!editable} maxLength={120} value={draft.name} onInput={(e) => setDraft({ ...draft, name: e.currentTarget.value })} data-testid="layout-name" />
      </label>
      <div class={style.templates} role="radiogroup" aria-label={t('layouts.templateLabel')}>
        {LAYOUT_TEMPLATE_IDS.map((id) => (
          <TemplateChoice key={id} id={id} active={draft.template === id} disabled={!editable} onChoose={() => setDraft(switchTemplate(draft, id))} />
        ))}
      </div>
      {draft.regions.map((r) => (
        <RegionEditor key={r.regionId} regionId={r.regionId} template={draft.template} slides={r.slides} editable={editable}
          onChange={(slides) => setDraft(updateRegion(draft, r.regionId, slides))} />
      ))}
    </Panel>
  );
}

/** A template drawn as a small screen with its regions. */
function TemplateChoice({ id, active, disabled, onChoose }: { id: LayoutTemplateId; active: boolean; disabled: boolean; onChoose: () => void }) {
  const { t } = useT();
  return (
    <button type="button" role="radio" aria-checked={active} disabled={disabled} class={active ? style.templateActive : style.template} onClick={onChoose} data-testid={`layout-template-${id}`}>
      <span class={style.miniScreen} aria-hidden="true">
        {LAYOUT_TEMPLATES[id].regions.map((r) => (
          <span key={r.id} class={style.miniRegion} style={{ left: `${r.geometry.x}%`, top: `${r.geometry.y}%`, width: `${r.geometry.width}%`, height: `${r.geometry.height}%` }}>
            {t(`layouts.region.${r.id}`)}
          </span>
        ))}
      </span>
      {t(`layouts.template.${id}`)}
    </button>
  );
}

function RegionEditor({ regionId, template, slides, editable, onChange }: { regionId: string; template: LayoutTemplateId; slides: Slide[]; editable: boolean; onChange: (slides: Slide[]) => void }) {
  const { t } = useT();
  const accepts = LAYOUT_TEMPLATES[template].regions.find((r) => r.id === regionId)?.accepts ?? [];
  return (
    <section class={style.region} data-testid={`region-${regionId}`}>
      <h3>{t(`layouts.region.${regionId}`)} · {t('layouts.slides', { count: slides.length })}</h3>
      <ol class={style.slides}>
        {slides.map((s, i) => (
          <li key={s.id} class={style.slide} data-testid="region-slide" data-kind={s.kind}>
            <span class={style.kind}>{t(`layouts.kind.${s.kind}`)}</span>
            <SlideFields slide={s} editable={editable} onChange={(next) => onChange(slides.map((x, j) => (j === i ? next : x)))} />
            {editable && (
              <span class={style.tools}>
                <button type="button" class="btn btn-small btn-ghost" disabled={i === 0} aria-label={t('layouts.moveUp', { n: i + 1 })} onClick={() => onChange(moveSlide(slides, i, -1))}>↑</button>
                <button type="button" class="btn btn-small btn-ghost" disabled={i === slides.length - 1} aria-label={t('layouts.moveDown', { n: i + 1 })} onClick={() => onChange(moveSlide(slides, i, 1))}>↓</button>
                <button type="button" class="btn btn-small btn-danger" aria-label={t('layouts.removeSlide', { n: i + 1 })} onClick={() => onChange(slides.filter((_, j) => j !== i))}>{t('layouts.remove')}</button>
              </span>
            )}
          </li>
        ))}
      </ol>
      {editable && (
        <div class={style.add}>
          {accepts.map((kind: SlideKind) => (
            <button key={kind} type="button" class="btn btn-small" onClick={() => onChange([...slides, newSlide(kind)])} data-testid={`region-${regionId}-add-${kind}`}>
              + {t(`layouts.kind.${kind}`)}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
