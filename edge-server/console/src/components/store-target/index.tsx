import { ROUTES } from '@vitrina/contracts';
import { ErrorNotice } from '../query-view';
import { useApi } from '../../lib/use-api';
import { useT } from '../../lib/use-t';
import { regionsOf, storesReached, toggleStore, type TargetDraft } from './target';
import style from './style.module.css';

export { ALL_STORES, draftToTarget, targetToDraft, targetLabel, storesReached, regionsOf, type TargetDraft, type TargetStore } from './target';

interface Props {
  value: TargetDraft;
  onChange: (draft: TargetDraft) => void;
  /** Test ids: `<testId>-all`, `-region`, `-stores` (the scope radios), `-region-select`, `-store-<id>`, `-reach`. */
  testId?: string;
}

/**
 * Who a head-office publication goes to: all stores, one region, or stores ticked from the
 * registered list (GET /api/v1/hq/stores). Shows the stores the choice reaches today, so a
 * marketer sees "2 stores: …" before publishing. `draftToTarget(value)` gives the request's
 * `target` (null while incomplete). Used by every head-office publish form.
 */
export function StoreTargetPicker({ value, onChange, testId = 'store-target' }: Props) {
  const { t } = useT();
  const registered = useApi(ROUTES.headOffice.stores);
  const stores = registered.data?.stores ?? [];
  const regions = regionsOf(stores);
  const reached = storesReached(value, stores);
  const scope = (s: TargetDraft['scope']) => (
    <label class={style.scope}>
      <input
        type="radio" name={`${testId}-scope`} checked={value.scope === s}
        onChange={() => onChange({ ...value, scope: s, region: s === 'region' && !value.region ? regions[0] ?? '' : value.region })}
        data-testid={`${testId}-${s}`}
      />
      {t(`storeTarget.scope.${s}`)}
    </label>
  );

  return (
    <fieldset class={style.picker} data-testid={testId}>
      <legend>{t('storeTarget.title')}</legend>
      <div class={style.scopes}>
        {scope('all')}
        {scope('region')}
        {scope('stores')}
      </div>
      {value.scope === 'region' && (
        <label class="field">
          <span>{t('storeTarget.region')}</span>
          <select class="select" value={value.region} onChange={(e) => onChange({ ...value, region: e.currentTarget.value })} data-testid={`${testId}-region-select`}>
            {!value.region && <option value="">{t('storeTarget.pickRegion')}</option>}
            {regions.map((r) => (
              <option key={r} value={r}>
                {r} ({stores.filter((s) => s.region === r).length})
              </option>
            ))}
          </select>
        </label>
      )}
      {value.scope === 'stores' && (
        <ul class={style.stores}>
          {stores.map((s) => (
            <li key={s.id}>
              <label class={style.store}>
                <input
                  type="checkbox" checked={value.storeIds.includes(s.id)}
                  onChange={(e) => onChange(toggleStore(value, s.id, e.currentTarget.checked))}
                  data-testid={`${testId}-store-${s.id}`}
                />
                {s.name} <span class="muted">{s.id} · {s.region}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {registered.error ? (
        <ErrorNotice error={registered.error} />
      ) : (
        <p class={`muted ${style.reach}`} data-testid={`${testId}-reach`}>
          {registered.data && stores.length === 0
            ? t('storeTarget.noStores')
            : t('storeTarget.reaches', { count: reached.length, stores: reached.map((s) => s.name).join(', ') })}
        </p>
      )}
    </fieldset>
  );
}
