import type { PlaylistItem } from '@vitrina/contracts';
import { DURATION_MAX_S, DURATION_MIN_S, secondsToMs, type DraftProblem } from '../../lib/playlist-edit';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

interface Props {
  item: PlaylistItem;
  index: number;
  count: number;
  editable: boolean;
  problems: DraftProblem[];
  onChange: (patch: Partial<PlaylistItem>) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
}


/** One slide of the loop: a small preview and its fields. */
export function SlideEditor({ item, index, count, editable, problems, onChange, onMove, onRemove }: Props) {
  const { t } = useT();
  const kindLabel = { message: t('playlists.kindMessage'), image: t('playlists.kindImage'), video: t('playlists.kindVideo') };
  const n = index + 1;
  const bad = (field: DraftProblem['field']) => (problems.some((p) => p.field === field) ? 'true' : undefined);
  const idp = `slide-${item.id}`;
  return (
    <li class={style.slide} data-testid="playlist-item" data-item-id={item.id} data-kind={item.kind}>
      <div class={style.preview} aria-hidden="true">
        {item.kind === 'image' && item.src ? (
          <img src={item.src} alt="" />
        ) : item.kind === 'video' ? (
          <span class={style.previewText}>▶ {t('playlists.kindVideo')}</span>
        ) : (
          <span class={style.previewText}>
            <strong>{item.title || t('playlists.title')}</strong>
            <br />
            {item.body.slice(0, 60)}
          </span>
        )}
      </div>
      <div class={style.fields}>
        <div class={style.row}>
          <span class={style.index}>#{n}</span>
          <label class="field">
            <span>{t('playlists.kind')}</span>
            <select class="select" disabled={!editable} value={item.kind} onChange={(e) => onChange({ kind: e.currentTarget.value as PlaylistItem['kind'] })} data-testid="playlist-item-kind">
              {(['message', 'image', 'video'] as const).map((k) => (
                <option key={k} value={k}>
                  {kindLabel[k]}
                </option>
              ))}
            </select>
          </label>
          <label class={`field ${style.grow}`}>
            <span>{t('playlists.title')}</span>
            <input class="input" id={`${idp}-title`} readOnly={!editable} value={item.title} maxLength={120} aria-invalid={bad('title')} onInput={(e) => onChange({ title: e.currentTarget.value })} data-testid="playlist-item-title" />
          </label>
          <label class={`field ${style.duration}`}>
            <span>{t('playlists.seconds')}</span>
            <input
              class="input"
              type="number"
              min={DURATION_MIN_S}
              max={DURATION_MAX_S}
              step={1}
              readOnly={!editable}
              value={item.durationMs / 1000}
              aria-invalid={bad('durationMs')}
              onInput={(e) => onChange({ durationMs: secondsToMs(Number(e.currentTarget.value)) })}
              data-testid="playlist-item-duration"
            />
          </label>
        </div>
        {item.kind !== 'message' && (
          <label class="field">
            <span>{item.kind === 'image' ? t('playlists.imageUrl') : t('playlists.videoUrl')}</span>
            <input class="input" readOnly={!editable} value={item.src ?? ''} placeholder="/media/produce.svg" aria-invalid={bad('src')} onInput={(e) => onChange({ src: e.currentTarget.value })} data-testid="playlist-item-src" />
          </label>
        )}
        <label class="field">
          <span>{t('playlists.text')}</span>
          <textarea class="input" rows={2} readOnly={!editable} value={item.body} maxLength={400} onInput={(e) => onChange({ body: e.currentTarget.value })} data-testid="playlist-item-body" />
        </label>
      </div>
      {editable && (
        <div class={style.tools}>
          <button type="button" class="btn btn-small btn-ghost" disabled={index === 0} onClick={() => onMove(-1)} aria-label={t('playlists.moveUp', { n })} data-testid="playlist-item-up">
            ↑
          </button>
          <button type="button" class="btn btn-small btn-ghost" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={t('playlists.moveDown', { n })} data-testid="playlist-item-down">
            ↓
          </button>
          <button type="button" class="btn btn-small btn-danger" onClick={onRemove} aria-label={t('playlists.removeSlide', { n })} data-testid="playlist-item-remove">
            {t('playlists.remove')}
          </button>
        </div>
      )}
    </li>
  );
}
