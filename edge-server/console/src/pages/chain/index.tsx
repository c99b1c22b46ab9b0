import { useState } from 'preact/hooks';
import type { ChainStore } from '@vitrina/contracts';
import { PageHeader } from '../../components/page-header';
import { HqPublications } from '../../components/hq-publications';
import { Panel } from '../../components/panel';
import { EmptyState, ErrorNotice, QueryView } from '../../components/query-view';
import { StatusChip } from '../../components/status-chip';
import { formatDateTime } from '../../lib/format';
import { can } from '../../lib/roles';
import type { Tone } from '../../lib/tone';
import { useAuth } from '../../lib/use-auth';
import { useChain } from '../../lib/use-chain';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

const HEALTH_TONE: Record<ChainStore['health'], Tone> = { ok: 'ok', 'catching-up': 'info', stale: 'warn', never: 'neutral' };

/** ms → "1.2 s" / "3 min" / "2 h": the occurredAt → ingested delay of a store's last message. */
function delay(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${Math.round(ms / 3_600_000)} h`;
}

/**
 * Head office's first page: every store with its health, last message, delay and the messages
 * still in its outbox; registering a store (admins); what was published down; messages refused
 * at ingest (admins); the chain model's training runs.
 */
export default function ChainPage() {
  const { t } = useT();
  const { user } = useAuth();
  const isAdmin = can(user?.role, 'staff.manage');
  const chain = useChain(isAdmin);
  const [form, setForm] = useState({ id: '', name: '', region: '' });

  return (
    <>
      <PageHeader title={t('nav.chain')} description={t('chain.description')} />
      <Panel title={t('chain.stores')} testId="chain-stores">
        <QueryView query={chain.stores} what={t('nav.chain')}>
          {(view) => (
            <>
              <p class="muted" data-testid="chain-hub">
                {t(`chain.hub.${view.hub}`)}
                {view.ingestPending !== null && ` · ${t('chain.pending', { count: view.ingestPending })}`}
              </p>
              {view.stores.length === 0 ? (
                <EmptyState title={t('chain.noStores')} />
              ) : (
                <table class="table" data-testid="chain-stores-table">
                  <thead>
                    <tr>
                      <th>{t('chain.store')}</th>
                      <th>{t('chain.region')}</th>
                      <th>{t('chain.health')}</th>
                      <th>{t('chain.lastMessage')}</th>
                      <th>{t('chain.delay')}</th>
                      <th>{t('chain.outboxLag')}</th>
                      <th>{t('chain.messages')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {view.stores.map((s) => (
                      <tr key={s.id} data-testid={`chain-store-${s.id}`}>
                        <td>
                          {s.name} <span class="muted">{s.id}</span>
                        </td>
                        <td>{s.region || '—'}</td>
                        <td>
                          <StatusChip tone={HEALTH_TONE[s.health]}>{t(`chain.healthState.${s.health}`)}</StatusChip>
                        </td>
                        <td class={style.nowrap}>{s.lastMessageAt ? formatDateTime(s.lastMessageAt) : '—'}</td>
                        <td>{delay(s.lastDelayMs)}</td>
                        <td>{s.outboxLag ?? '—'}</td>
                        <td>{s.messages}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          )}
        </QueryView>
        {isAdmin && (
          <form
            class={style.register}
            data-testid="chain-register"
            onSubmit={(e) => {
              e.preventDefault();
              void chain.register.run(form).then(() => setForm({ id: '', name: '', region: '' }));
            }}
          >
            <label class="field">
              <span>{t('chain.storeId')}</span>
              <input class="input" value={form.id} onInput={(e) => setForm({ ...form, id: e.currentTarget.value })} required data-testid="chain-register-id" />
            </label>
            <label class="field">
              <span>{t('chain.storeName')}</span>
              <input class="input" value={form.name} onInput={(e) => setForm({ ...form, name: e.currentTarget.value })} required data-testid="chain-register-name" />
            </label>
            <label class="field">
              <span>{t('chain.region')}</span>
              <input class="input" value={form.region} onInput={(e) => setForm({ ...form, region: e.currentTarget.value })} required data-testid="chain-register-region" />
            </label>
            <button type="submit" class="btn btn-primary" disabled={chain.register.pending} data-testid="chain-register-submit">
              {t('chain.register')}
            </button>
          </form>
        )}
        {chain.register.error && <ErrorNotice error={chain.register.error} />}
      </Panel>

      <Panel title={t('chain.publications')} testId="chain-publications">
        <HqPublications query={chain.publications} testId="chain-publications-table" />
      </Panel>

      <Panel
        title={t('chain.model')}
        testId="chain-model"
        actions={
          isAdmin ? (
            <button type="button" class="btn" disabled={chain.train.pending || chain.model.data?.training} onClick={() => void chain.train.run()} data-testid="chain-train">
              {chain.model.data?.training ? t('chain.training') : t('chain.train')}
            </button>
          ) : undefined
        }
      >
        {chain.train.error && <ErrorNotice error={chain.train.error} />}
        <QueryView query={chain.model} what={t('chain.model')}>
          {(m) =>
            m.decisions.length === 0 ? (
              <EmptyState title={t('chain.noRuns')} />
            ) : (
              <ul class={style.runs}>
                {m.decisions.map((d) => (
                  <li key={d.at}>
                    <StatusChip tone={d.published ? 'ok' : 'neutral'}>{d.outcome}</StatusChip> {formatDateTime(d.at)} · {t('chain.runSize', { stores: d.stores, customers: d.customers })}
                    <div class="muted">{d.reason}</div>
                  </li>
                ))}
              </ul>
            )
          }
        </QueryView>
      </Panel>

      {isAdmin && (
        <Panel title={t('chain.deadLetters')} testId="chain-dead-letters">
          <QueryView query={chain.deadLetters} what={t('chain.deadLetters')}>
            {(list) =>
              list.length === 0 ? (
                <EmptyState title={t('chain.noDeadLetters')} />
              ) : (
                <table class="table">
                  <thead>
                    <tr>
                      <th>{t('chain.when')}</th>
                      <th>{t('chain.subject')}</th>
                      <th>{t('chain.code')}</th>
                      <th>{t('chain.reason')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((l) => (
                      <tr key={l.id}>
                        <td class={style.nowrap}>{formatDateTime(l.at)}</td>
                        <td>{l.subject} #{l.streamSeq}</td>
                        <td>{l.code}</td>
                        <td>{l.reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )
            }
          </QueryView>
        </Panel>
      )}
    </>
  );
}
