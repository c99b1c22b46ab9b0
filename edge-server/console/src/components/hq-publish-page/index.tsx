import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { Publication } from '@vitrina/contracts';
import { HqPublications } from '../hq-publications';
import { PageHeader } from '../page-header';
import { Panel } from '../panel';
import { EmptyState, QueryView } from '../query-view';
import { formatDateTime } from '../../lib/format';
import { can } from '../../lib/roles';
import type { Query } from '../../lib/use-api';
import { useAuth } from '../../lib/use-auth';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

export interface FormSlot<Draft> {
  initial: Draft;
  onCancel: () => void;
  onPublished: (p: Publication) => void;
}

interface Props<Item, Draft extends { id: string | null }> {
  /** What the page publishes: its publications are listed under the entities. */
  kind: 'campaigns' | 'promotions';
  /** Test ids: `<p>-new`, `<p>-done`, `<p>s` (the list), `<p>-publications`. */
  testIdPrefix: string;
  words: { title: string; description: string; new: string; list: string; none: string };
  published: Query<Item[]>;
  history: Query<Publication[]>;
  /** Clears the last publish error when a form opens. */
  resetPublish: () => void;
  newDraft: () => Draft;
  draftOf: (item: Item) => Draft;
  form: (slot: FormSlot<Draft>) => ComponentChildren;
  table: (list: Item[], onEdit: ((item: Item) => void) | null) => ComponentChildren;
}

/**
 * A head-office page that publishes one kind of entity to the stores: every entity at its last
 * published version (edit → publish the next version), a form for a new one, a line saying what
 * the last publish reached, and the publication history. Campaigns and promotions differ only in
 * their form and table.
 */
export function HqPublishPage<Item, Draft extends { id: string | null }>(props: Props<Item, Draft>) {
  const { t } = useT();
  const { user } = useAuth();
  const mayPublish = can(user?.role, 'campaigns.edit');
  const p = props.testIdPrefix;
  // A key per opened form, so opening another entity starts a fresh form.
  const [editing, setEditing] = useState<{ key: string; draft: Draft } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const open = (draft: Draft) => {
    props.resetPublish();
    setDone(null);
    setEditing({ key: `${draft.id ?? 'new'}:${Date.now()}`, draft });
  };

  return (
    <>
      <PageHeader
        title={props.words.title}
        description={props.words.description}
        actions={mayPublish && !editing && (
          <button type="button" class="btn btn-primary" onClick={() => open(props.newDraft())} data-testid={`${p}-new`}>
            {props.words.new}
          </button>
        )}
      />
      {done && <p class={style.ok} role="status" data-testid={`${p}-done`}>{done}</p>}
      {editing && (
        <div key={editing.key}>
          {props.form({
            initial: editing.draft,
            onCancel: () => setEditing(null),
            onPublished: (pub) => { setEditing(null); setDone(t('hqCampaigns.published', { version: pub.version, stores: pub.storeIds.join(', ') })); },
          })}
        </div>
      )}
      <Panel title={props.words.list} testId={`${p}s`}>
        <QueryView query={props.published} what={props.words.list}>
          {(list) => (list.length === 0 ? <EmptyState title={props.words.none} /> : props.table(list, mayPublish ? (item) => open(props.draftOf(item)) : null))}
        </QueryView>
      </Panel>
      <Panel title={t('chain.publications')} testId={`${p}-publications`}>
        <HqPublications query={props.history} kinds={[props.kind]} testId="hq-publications" />
      </Panel>
    </>
  );
}

/** The "last published" cell of an entity's row: version, when, by whom. */
export function LastPublishedCell({ publication }: { publication: Publication }) {
  return (
    <td>
      <span class={style.nowrap}>v{publication.version} · {formatDateTime(publication.publishedAt)}</span>
      <br />
      <span class="muted">{publication.publishedBy}</span>
    </td>
  );
}

/** The edit button cell of an entity's row (`<testId>`), when the user may publish. */
export function EditCell({ onEdit, testId }: { onEdit: () => void; testId: string }) {
  const { t } = useT();
  return (
    <td>
      <button type="button" class="btn btn-small" onClick={onEdit} data-testid={testId}>
        {t('hqCampaigns.edit')}
      </button>
    </td>
  );
}
