import { useEffect, useState } from 'preact/hooks';
import { ROUTES, type PlaylistItem } from '@vitrina/contracts';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { EmptyState, QueryView } from '../../components/query-view';
import { StatusChip } from '../../components/status-chip';
import { api } from '../../lib/api';
import { describeError } from '../../lib/api-error';
import { formatDateTime, formatDuration } from '../../lib/format';
import { addItem, cleanDraft, loopDurationMs, moveItem, newItem, removeItem, sameItems, updateItem, validateDraft } from '../../lib/playlist-edit';
import { can } from '../../lib/roles';
import { useAction, useApi } from '../../lib/use-api';
import { useAuth } from '../../lib/use-auth';
import { SlideEditor } from './slide-editor';
import { routeTitle } from '../../lib/route-title';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

/** Each zone's signage loop: staff see it, admins and marketers edit and publish it. */
export default function PlaylistsPage() {
  const { t } = useT();
  const zones = useApi(ROUTES.devices.zones);
  const [zoneId, setZoneId] = useState<string | null>(null);

  useEffect(() => {
    if (!zoneId && zones.data?.[0]) setZoneId(zones.data[0].id);
  }, [zones.data, zoneId]);

  return (
    <>
      <PageHeader title={routeTitle({ id: 'playlists', title: 'Screens & playlists' }, t)} description={t('playlists.description')} />
      <QueryView query={zones} what={t('playlists.whatZones')}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState title={t('playlists.noZones')} />
          ) : (
            <>
              <div class={style.zoneTabs} role="tablist" aria-label={t('playlists.zones')}>
                {list.map((z) => (
                  <button
                    key={z.id}
                    type="button"
                    role="tab"
                    aria-selected={z.id === zoneId}
                    class={z.id === zoneId ? style.zoneActive : style.zone}
                    onClick={() => setZoneId(z.id)}
                    data-testid={`playlist-zone-${z.id}`}
                  >
                    {z.name}
                  </button>
                ))}
              </div>
              {zoneId && <ZonePlaylist key={zoneId} zoneId={zoneId} />}
            </>
          )
        }
      </QueryView>
    </>
  );
}

function ZonePlaylist({ zoneId }: { zoneId: string }) {
  const { t } = useT();
  const { user } = useAuth();
  const editable = can(user?.role, 'content.edit');
  const playlist = useApi(ROUTES.content.playlist, { params: { zoneId } });
  const [draft, setDraft] = useState<PlaylistItem[] | null>(null);
  const [showProblems, setShowProblems] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const publish = useAction((items: PlaylistItem[]) => api.call(ROUTES.content.publishPlaylist, { params: { zoneId }, body: { items } }));

  useEffect(() => {
    if (playlist.data && draft === null) setDraft(playlist.data.items);
  }, [playlist.data, draft]);

  const items = draft ?? playlist.data?.items ?? [];
  const problems = validateDraft(items);
  const dirty = playlist.data ? !sameItems(items, playlist.data.items) : false;

  async function onPublish() {
    setShowProblems(true);
    if (problems.length > 0) return;
    const result = await publish.run(cleanDraft(items));
    if (result) {
      setDraft(result.items);
      setShowProblems(false);
      setSavedAt(result.version);
      playlist.reload();
    }
  }

  return (
    <QueryView query={playlist} what={t('playlists.what')}>
      {(p) => (
        <Panel
          testId="playlist-editor"
          title={
            <span class={style.title}>
              {t('playlists.loop', { count: items.length, duration: formatDuration(loopDurationMs(items) / 1000) })}
              {p.version === 'default' ? <StatusChip tone="neutral">{t('playlists.defaultContent')}</StatusChip> : <StatusChip tone="info">{t('playlists.published', { at: formatDateTime(p.version) })}</StatusChip>}
              {dirty && <StatusChip tone="warn">{t('playlists.unpublished')}</StatusChip>}
            </span>
          }
          actions={
            editable && (
              <>
                <button type="button" class="btn btn-small" disabled={!dirty || publish.pending} onClick={() => { setDraft(p.items); setShowProblems(false); }} data-testid="playlist-discard">
                  {t('playlists.discard')}
                </button>
                <button type="button" class="btn btn-small btn-primary" disabled={!dirty || publish.pending} onClick={() => void onPublish()} data-testid="playlist-publish">
                  {publish.pending ? t('playlists.publishing') : t('playlists.publish')}
                </button>
              </>
            )
          }
        >
          {savedAt && !dirty && (
            <p class={style.saved} role="status" data-testid="playlist-saved">
              {t('playlists.publishedNow')}
            </p>
          )}
          {publish.error && (
            <p class={style.problem} role="alert" data-testid="playlist-error">
              {describeError(publish.error)}
            </p>
          )}
          {showProblems && problems.length > 0 && (
            <ul class={style.problems} role="alert" data-testid="playlist-problems">
              {problems.map((pr, i) => (
                <li key={i}>{pr.message}</li>
              ))}
            </ul>
          )}
          {items.length === 0 && <EmptyState title={t('playlists.noSlides')}>{t('playlists.noSlidesText')}</EmptyState>}
          <ol class={style.list}>
            {items.map((it, i) => (
              <SlideEditor
                key={it.id}
                item={it}
                index={i}
                count={items.length}
                editable={editable}
                problems={showProblems ? problems.filter((pr) => pr.index === i) : []}
                onChange={(patch) => setDraft(updateItem(items, i, patch))}
                onMove={(delta) => setDraft(moveItem(items, i, delta))}
                onRemove={() => setDraft(removeItem(items, i))}
              />
            ))}
          </ol>
          {editable && (
            <div class={style.add}>
              <button type="button" class="btn" onClick={() => setDraft(addItem(items, newItem('message')))} data-testid="playlist-add-message">
                {t('playlists.addMessage')}
              </button>
              <button type="button" class="btn" onClick={() => setDraft(addItem(items, newItem('image')))} data-testid="playlist-add-image">
                {t('playlists.addImage')}
              </button>
              <button type="button" class="btn" onClick={() => setDraft(addItem(items, newItem('video')))} data-testid="playlist-add-video">
                {t('playlists.addVideo')}
              </button>
            </div>
          )}
        </Panel>
      )}
    </QueryView>
  );
}
