import { useState } from 'preact/hooks';
import { ROUTES, type MediaItem } from '@vitrina/contracts';
import { ConfirmButton } from '../../components/confirm-button';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { EmptyState, ErrorNotice, QueryView } from '../../components/query-view';
import { api } from '../../lib/api';
import { formatCount, formatDateTime } from '../../lib/format';
import { can } from '../../lib/roles';
import { routeTitle } from '../../lib/route-title';
import { useAction, useApi } from '../../lib/use-api';
import { useAuth } from '../../lib/use-auth';
import { useMediaUpload } from '../../lib/use-media-upload';
import { useT } from '../../lib/use-t';
import { MediaEditor } from './media-editor';
import style from './style.module.css';

const ACCEPT = 'image/jpeg,image/png,image/webp,image/svg+xml,video/mp4,video/webm';

/**
 * The media library: upload images and videos (with progress), see their facts and where they
 * are used, tag them, give them a play window, delete them (a used file only after confirming).
 */
export default function MediaPage() {
  const { t } = useT();
  const { user } = useAuth();
  const mayEdit = can(user?.role, 'content.edit');
  const [tag, setTag] = useState('');
  const list = useApi(ROUTES.media.list, { query: { tag: tag.trim() || undefined } });
  const upload = useMediaUpload();
  const remove = useAction((id: string, force: boolean) => api.call(ROUTES.media.remove, { params: { id }, query: { force } }));
  const [editing, setEditing] = useState<string | null>(null);

  async function onFiles(files: FileList | null) {
    if (!files || files.length === 0) return;
    await upload.run([...files]);
    list.reload();
  }

  async function onDelete(item: MediaItem) {
    if (await remove.run(item.id, item.usedIn > 0)) list.reload();
  }

  return (
    <>
      <PageHeader
        title={routeTitle({ id: 'media', title: 'Media library' }, t)}
        description={t('media.description')}
        actions={
          mayEdit && (
            <label class="btn" data-testid="media-upload-label">
              {t('media.upload')}
              <input type="file" multiple accept={ACCEPT} class="visually-hidden" data-testid="media-upload" disabled={upload.progress !== null} onChange={(e) => void onFiles(e.currentTarget.files)} />
            </label>
          )
        }
      />
      {upload.progress && (
        <div class={style.progress} data-testid="media-upload-progress">
          <span>{t('media.uploading', { name: upload.progress.name })}</span>
          <progress max={upload.progress.total || 1} value={upload.progress.sent} />
        </div>
      )}
      {upload.error && <ErrorNotice error={upload.error} />}
      {remove.error && <ErrorNotice error={remove.error} />}
      <Panel
        title={t('media.files')}
        actions={<input class="input" type="search" placeholder={t('media.filterTag')} value={tag} onInput={(e) => setTag(e.currentTarget.value)} data-testid="media-tag-filter" />}
      >
        <QueryView query={list} what={t('media.what')}>
          {({ items }) =>
            items.length === 0 ? (
              <EmptyState title={t('media.emptyTitle')}>{mayEdit ? t('media.emptyEditor') : t('media.emptyViewer')}</EmptyState>
            ) : (
              <ul class={style.grid} data-testid="media-list">
                {items.map((m) => (
                  <li key={m.id} class={style.card} data-testid="media-item" data-media-id={m.id} data-kind={m.kind}>
                    <Preview item={m} />
                    <div class={style.facts}>
                      <strong class={style.name}>{m.name}</strong>
                      <span>{factsOf(m, t)}</span>
                      <span data-testid="media-usage">{m.usedIn === 0 ? t('media.unused') : t('media.usedIn', { count: m.usedIn })}</span>
                      {m.tags.length > 0 && <span class={style.tags}>{m.tags.map((x) => <span key={x} class={style.tag}>{x}</span>)}</span>}
                      {(m.validFrom || m.validTo) && (
                        <span class={style.window}>{t('media.window', { from: m.validFrom ? formatDateTime(m.validFrom) : '…', to: m.validTo ? formatDateTime(m.validTo) : '…' })}</span>
                      )}
                    </div>
                    {mayEdit && (
                      <div class={style.actions}>
                        <button type="button" class="btn btn-small" onClick={() => setEditing(editing === m.id ? null : m.id)} data-testid="media-edit">
                          {t('media.edit')}
                        </button>
                        <ConfirmButton
                          label={t('media.delete')}
                          confirmLabel={m.usedIn > 0 ? t('media.deleteUsed', { count: m.usedIn }) : t('media.deleteConfirm')}
                          onConfirm={() => void onDelete(m)}
                          disabled={remove.pending}
                          testId="media-delete"
                          ariaLabel={t('media.deleteLabel', { name: m.name })}
                        />
                      </div>
                    )}
                    {editing === m.id && (
                      <MediaEditor
                        item={m}
                        onSaved={() => {
                          setEditing(null);
                          list.reload();
                        }}
                      />
                    )}
                  </li>
                ))}
              </ul>
            )
          }
        </QueryView>
      </Panel>
    </>
  );
}

function Preview({ item }: { item: MediaItem }) {
  if (item.kind === 'video') return <video class={style.preview} src={item.url} muted preload="metadata" />;
  return <img class={style.preview} src={item.thumbnailUrl ?? item.url} alt="" loading="lazy" />;
}

function factsOf(m: MediaItem, t: ReturnType<typeof useT>['t']): string {
  const parts = [m.mime.replace(/^(image|video)\//, '').toUpperCase()];
  if (m.width && m.height) parts.push(`${m.width}×${m.height}`);
  if (m.durationMs) parts.push(t('media.seconds', { value: (m.durationMs / 1000).toFixed(1) }));
  parts.push(m.bytes >= 1_000_000 ? `${(m.bytes / 1_000_000).toFixed(1)} MB` : `${formatCount(Math.ceil(m.bytes / 1000))} kB`);
  return parts.join(' · ');
}
