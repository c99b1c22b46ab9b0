import { useState } from 'preact/hooks';
import { ROUTES, type MediaItem } from '@vitrina/contracts';
import { ErrorNotice } from '../../components/query-view';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-api';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

/** `<input type="datetime-local">` speaks local time without a zone; the API speaks instants. */
const toLocalInput = (iso: string | null) => (iso ? new Date(new Date(iso).getTime() - new Date(iso).getTimezoneOffset() * 60_000).toISOString().slice(0, 16) : '');
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : null);

/** Name, tags and play window of one file. */
export function MediaEditor({ item, onSaved }: { item: MediaItem; onSaved: () => void }) {
  const { t } = useT();
  const [name, setName] = useState(item.name);
  const [tags, setTags] = useState(item.tags.join(', '));
  const [from, setFrom] = useState(toLocalInput(item.validFrom));
  const [to, setTo] = useState(toLocalInput(item.validTo));
  const save = useAction(() =>
    api.call(ROUTES.media.update, {
      params: { id: item.id },
      body: { name: name.trim(), tags: tags.split(',').map((x) => x.trim()).filter(Boolean), validFrom: fromLocalInput(from), validTo: fromLocalInput(to) },
    }),
  );
  return (
    <form
      class={style.editor}
      data-testid="media-editor"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await save.run()) onSaved();
      }}
    >
      <label>
        {t('media.name')}
        <input class="input" value={name} onInput={(e) => setName(e.currentTarget.value)} required maxLength={200} />
      </label>
      <label>
        {t('media.tags')}
        <input class="input" value={tags} onInput={(e) => setTags(e.currentTarget.value)} placeholder={t('media.tagsHint')} data-testid="media-tags" />
      </label>
      <label>
        {t('media.playFrom')}
        <input class="input" type="datetime-local" value={from} onInput={(e) => setFrom(e.currentTarget.value)} data-testid="media-from" />
      </label>
      <label>
        {t('media.playTo')}
        <input class="input" type="datetime-local" value={to} onInput={(e) => setTo(e.currentTarget.value)} data-testid="media-to" />
      </label>
      <button type="submit" class="btn btn-small" disabled={save.pending} data-testid="media-save">
        {t('media.save')}
      </button>
      {save.error && <ErrorNotice error={save.error} />}
    </form>
  );
}
