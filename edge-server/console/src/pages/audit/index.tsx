import { useState } from 'preact/hooks';
import { ROUTES, type AuditExportQuery } from '@vitrina/contracts';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { EmptyState, ErrorNotice, QueryView } from '../../components/query-view';
import { StatusChip } from '../../components/status-chip';
import { formatDateTime } from '../../lib/format';
import { useAction, useApi } from '../../lib/use-api';
import { downloadAuditCsv } from './download';
import style from './style.module.css';
import { routeTitle } from '../../lib/route-title';
import { useT } from '../../lib/use-t';

const PAGE = 50;
/** The areas of the route map, for the filter (a row's area is the part of its route id before the dot). */
const AREAS = Object.keys(ROUTES).filter((a) => a !== 'dev').sort();

/**
 * Every staff write through the API, newest first: who, when, which route, on what, how it
 * ended, and what changed (secrets and shoppers' contact data are never recorded). Filter by
 * person, area and days; page back in time; download the filtered log as CSV.
 */
export default function AuditPage() {
  const { t } = useT();
  const [filters, setFilters] = useState<AuditExportQuery>({});
  // The `before` cursor of each page shown so far: the last one is the current page.
  const [cursors, setCursors] = useState<number[]>([]);
  const before = cursors[cursors.length - 1];
  const log = useApi(ROUTES.audit.list, { query: { ...filters, limit: PAGE, ...(before ? { before } : {}) } });
  const staff = useApi(ROUTES.staff.list);
  const download = useAction(() => downloadAuditCsv(filters));

  function setFilter<K extends keyof AuditExportQuery>(key: K, value: string) {
    setFilters((f) => {
      const next = { ...f };
      if (value) next[key] = value;
      else delete next[key];
      return next;
    });
    setCursors([]);
  }

  return (
    <>
      <PageHeader
        title={routeTitle({ id: 'audit', title: 'Audit log' }, t)}
        description={t('audit.description')}
        actions={
          <button type="button" class="btn" disabled={download.pending} onClick={() => void download.run()} data-testid="audit-download">
            {download.pending ? t('audit.preparing') : t('audit.download')}
          </button>
        }
      />
      {download.error && <ErrorNotice error={download.error} />}
      <Panel title={t('audit.filters')}>
        <form class={style.filters} onSubmit={(e) => e.preventDefault()} data-testid="audit-filters">
          <label class="field">
            <span>{t('audit.person')}</span>
            <select class="select" value={filters.userId ?? ''} onChange={(e) => setFilter('userId', e.currentTarget.value)} data-testid="audit-user">
              <option value="">{t('audit.everyone')}</option>
              {(staff.data ?? []).map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName ? `${u.displayName} (${u.username})` : u.username}
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            <span>{t('audit.area')}</span>
            <select class="select" value={filters.area ?? ''} onChange={(e) => setFilter('area', e.currentTarget.value)} data-testid="audit-area">
              <option value="">{t('audit.allAreas')}</option>
              {AREAS.map((a) => (
                <option key={a} value={a}>
                  {t(`audit.areas.${a}`, { defaultValue: a })}
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            <span>{t('audit.from')}</span>
            <input class="input" type="date" value={filters.from ?? ''} onChange={(e) => setFilter('from', e.currentTarget.value)} data-testid="audit-from" />
          </label>
          <label class="field">
            <span>{t('audit.to')}</span>
            <input class="input" type="date" value={filters.to ?? ''} onChange={(e) => setFilter('to', e.currentTarget.value)} data-testid="audit-to" />
          </label>
        </form>
        <p class="muted">{t('audit.storeDays')}</p>
      </Panel>
      <Panel title={t('audit.entries')} flush>
        <QueryView query={log} what={t('audit.what')}>
          {(page) =>
            page.entries.length === 0 ? (
              <EmptyState title={t('audit.emptyTitle')}>{t('audit.emptyText')}</EmptyState>
            ) : (
              <>
                <table class="table" data-testid="audit-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('audit.when')}</th>
                      <th scope="col">{t('audit.who')}</th>
                      <th scope="col">{t('audit.whatColumn')}</th>
                      <th scope="col">{t('audit.on')}</th>
                      <th scope="col">{t('audit.result')}</th>
                      <th scope="col">{t('audit.change')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.entries.map((e) => (
                      <tr key={e.id} data-testid="audit-row" data-route={e.routeId}>
                        <td class={style.when}>{formatDateTime(e.at)}</td>
                        <td>{e.username}</td>
                        <td>
                          <code class={style.route} title={`${e.method} ${e.path}`}>
                            {e.routeId}
                          </code>
                        </td>
                        <td>{e.targetId ? <code class={style.target}>{e.targetId}</code> : <span class="muted">—</span>}</td>
                        <td>
                          <StatusChip tone={e.status < 300 ? 'ok' : e.status < 500 ? 'warn' : 'bad'}>{e.status < 300 ? t('audit.done', { status: e.status }) : t('audit.refused', { status: e.status })}</StatusChip>
                        </td>
                        <td class={style.summary}>{e.summary || <span class="muted">—</span>}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <div class={style.pager}>
                  <button type="button" class="btn btn-small" disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))} data-testid="audit-newer">
                    {t('audit.newer')}
                  </button>
                  <button
                    type="button"
                    class="btn btn-small"
                    disabled={page.nextBefore === null}
                    onClick={() => page.nextBefore !== null && setCursors((c) => [...c, page.nextBefore!])}
                    data-testid="audit-older"
                  >
                    {t('audit.older')}
                  </button>
                </div>
              </>
            )
          }
        </QueryView>
      </Panel>
    </>
  );
}
