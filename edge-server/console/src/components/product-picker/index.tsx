import { useEffect, useState } from 'preact/hooks';
import { ROUTES, type Product } from '@vitrina/contracts';
import { api } from '../../lib/api';
import { formatMoney } from '../../lib/format';
import style from './style.module.css';
import { useT } from '../../lib/use-t';

/** How long typing pauses before the catalogue is searched. */
const DEBOUNCE_MS = 200;

/** Searches the catalogue (name, barcode, article, id) as the user types; stale answers are dropped. */
function useProductSearch(q: string) {
  const [items, setItems] = useState<Product[]>([]);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    const query = q.trim();
    if (!query) { setItems([]); return; }
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      api.call(ROUTES.catalog.list, { query: { q: query, pageSize: 8 }, signal: ctrl.signal })
        .then((r) => setItems(r.items))
        .catch(() => { if (!ctrl.signal.aborted) setItems([]); })
        .finally(() => { if (!ctrl.signal.aborted) setLoading(false); });
    }, DEBOUNCE_MS);
    return () => { clearTimeout(timer); ctrl.abort(); };
  }, [q]);
  return { items, loading };
}

interface PickerProps {
  /** The chosen product id ('' for none). */
  value: string;
  onChange: (productId: string, product: Product | null) => void;
  label?: string;
  testId?: string;
}

/**
 * Chooses one product: type a name, barcode, article or id and pick from the matches. The
 * chosen product shows with its name and price; "Change" searches again.
 */
export function ProductPicker({ value, onChange, label: givenLabel, testId = 'product-picker' }: PickerProps) {
  const { t } = useT();
  const label = givenLabel ?? t('picker.product');
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<Product | null>(null);
  const { items, loading } = useProductSearch(open ? q : '');

  // A value set from outside (a form reset, an id already known): show its name.
  useEffect(() => {
    if (!value) { setChosen(null); return; }
    if (chosen?.id === value) return;
    const ctrl = new AbortController();
    api.call(ROUTES.catalog.get, { params: { id: value }, signal: ctrl.signal }).then(setChosen).catch(() => setChosen(null));
    return () => ctrl.abort();
  }, [value]);

  function pick(p: Product) {
    setChosen(p);
    setQ('');
    setOpen(false);
    onChange(p.id, p);
  }

  if (value && !open) {
    return (
      <div class="field">
        <span>{label}</span>
        <div class={style.chosen} data-testid={`${testId}-chosen`}>
          <span class={style.name}>{chosen?.name ?? value}</span>
          <span class={style.meta}>{value}{chosen?.priceMinor != null ? ` · ${formatMoney(chosen.priceMinor)}` : ''}{chosen?.restricted ? ` · ${t('picker.restricted')}` : ''}</span>
          <button type="button" class="btn btn-small btn-ghost" onClick={() => setOpen(true)} data-testid={`${testId}-change`}>{t('picker.change')}</button>
        </div>
      </div>
    );
  }
  return (
    <div class={`field ${style.picker}`}>
      <label>
        <span>{label}</span>
        <input
          class="input" value={q} placeholder={t('products.searchPlaceholder')} autoComplete="off" role="combobox" aria-expanded={items.length > 0} aria-autocomplete="list"
          onInput={(e) => { setQ(e.currentTarget.value); setOpen(true); }} onFocus={() => setOpen(true)}
          onKeyDown={(e) => { if (e.key === 'Enter' && items.length > 0) { e.preventDefault(); pick(items[0]!); } if (e.key === 'Escape') setOpen(false); }}
          data-testid={testId}
        />
      </label>
      {open && q.trim() && (
        <ul class={style.results} role="listbox" data-testid={`${testId}-results`}>
          {items.map((p) => (
            <li key={p.id} role="option" aria-selected={false}>
              <button type="button" class={style.option} onClick={() => pick(p)}>
                <span class={style.name}>{p.name}</span>
                <span class={style.meta}>{p.id}{p.barcodes[0] ? ` · ${p.barcodes[0]}` : ''}{p.priceMinor != null ? ` · ${formatMoney(p.priceMinor)}` : ''}{p.needsReview ? ` · ${t('picker.needsReview')}` : ''}</span>
              </button>
            </li>
          ))}
          {!loading && items.length === 0 && <li class={style.empty}>{t('picker.noMatch', { q: q.trim() })}</li>}
        </ul>
      )}
    </div>
  );
}

/** Chooses several products: each pick adds a chip; × removes it. */
export function ProductMultiPicker({ ids, onChange, label: givenLabel, testId = 'product-multi-picker' }: { ids: string[]; onChange: (ids: string[]) => void; label?: string; testId?: string }) {
  const { t } = useT();
  const label = givenLabel ?? t('picker.products');
  const [names, setNames] = useState<Record<string, string>>({});
  return (
    <div class={style.multi} data-testid={testId}>
      <ProductPicker
        value="" label={label} testId={`${testId}-search`}
        onChange={(id, p) => { if (p) setNames({ ...names, [id]: p.name }); if (!ids.includes(id)) onChange([...ids, id]); }}
      />
      {ids.length > 0 && (
        <ul class={style.chips}>
          {ids.map((id) => (
            <li key={id} class={style.chip}>
              <span>{names[id] ?? id}</span>
              <button type="button" aria-label={t('picker.remove', { name: names[id] ?? id })} onClick={() => onChange(ids.filter((x) => x !== id))}>×</button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
