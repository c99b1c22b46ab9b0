import { useState } from 'preact/hooks';
import { ROUTES, type SurveyReason } from '@vitrina/contracts';
import { Panel } from '../../components/panel';
import { EmptyState, QueryView } from '../../components/query-view';
import { StatusChip } from '../../components/status-chip';
import { formatDateTime } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { useT } from '../../lib/use-t';
import { bandOf, reasonLabel } from './nps-view';
import style from './style.module.css';

const PAGE = 20;

/** Answers with a comment, newest first, a page at a time. Comments are shopper text: always rendered as text. */
export function CommentsPanel({ reasons }: { reasons: readonly SurveyReason[] }) {
  const { t, language } = useT();
  const [offset, setOffset] = useState(0);
  const page = useApi(ROUTES.surveys.comments, { query: { offset, limit: PAGE } });
  return (
    <Panel title={t('survey.comments')} flush testId="survey-comments">
      <QueryView query={page} what={t('survey.whatComments')}>
        {(p) =>
          p.total === 0 ? (
            <EmptyState title={t('survey.noCommentsTitle')}>{t('survey.noCommentsText')}</EmptyState>
          ) : (
            <>
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">{t('survey.when')}</th>
                    <th scope="col">{t('survey.score')}</th>
                    <th scope="col">{t('survey.reasons')}</th>
                    <th scope="col">{t('survey.comment')}</th>
                    <th scope="col">{t('survey.kiosk')}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.comments.map((c) => (
                    <tr key={c.id} data-testid="survey-comment">
                      <td class={style.when}>{formatDateTime(c.at)}</td>
                      <td>
                        <StatusChip tone={bandOf(c.score) === 'promoters' ? 'ok' : bandOf(c.score) === 'passives' ? 'warn' : 'bad'}>{String(c.score)}</StatusChip>
                      </td>
                      <td>{c.reasons.length ? c.reasons.map((id) => reasonLabel(id, reasons, language)).join(', ') : <span class="muted">—</span>}</td>
                      <td class={style.comment} data-testid="survey-comment-text">
                        {c.comment}
                      </td>
                      <td>
                        <code>{c.kioskId}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div class={style.pager}>
                <span class="muted">{t('survey.pageOf', { from: offset + 1, to: offset + p.comments.length, total: p.total })}</span>
                <button type="button" class="btn btn-small" disabled={offset === 0} onClick={() => setOffset((o) => Math.max(0, o - PAGE))} data-testid="survey-comments-newer">
                  {t('audit.newer')}
                </button>
                <button type="button" class="btn btn-small" disabled={offset + PAGE >= p.total} onClick={() => setOffset((o) => o + PAGE)} data-testid="survey-comments-older">
                  {t('audit.older')}
                </button>
              </div>
            </>
          )
        }
      </QueryView>
    </Panel>
  );
}
