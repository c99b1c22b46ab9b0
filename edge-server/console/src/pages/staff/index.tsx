import { useState } from 'preact/hooks';
import { ROUTES, type StaffWithTemporaryPassword, type UpdateStaffRequest } from '@vitrina/contracts';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { ErrorNotice, QueryView } from '../../components/query-view';
import { api } from '../../lib/api';
import { useAction, useApi } from '../../lib/use-api';
import { useAuth } from '../../lib/use-auth';
import { CreateStaffForm } from './create-staff-form';
import { StaffRow } from './staff-row';
import { TemporaryPassword } from './temporary-password';
import { routeTitle } from '../../lib/route-title';
import { useT } from '../../lib/use-t';

type Shown = { result: StaffWithTemporaryPassword; action: 'created' | 'reset' };

/**
 * Staff accounts (admins): add one with a temporary password, rename, change role, disable or
 * enable (disabling signs the person out at once), reset a password. The server keeps one
 * active admin and says so when a change would leave none.
 */
export default function StaffPage() {
  const { t } = useT();
  const { user } = useAuth();
  const accounts = useApi(ROUTES.staff.list);
  const [shown, setShown] = useState<Shown | null>(null);
  const write = useAction(async (fn: () => Promise<unknown>) => fn());

  async function run(fn: () => Promise<unknown>) {
    const ok = await write.run(fn);
    accounts.reload();
    return ok;
  }
  const save = (id: string, body: UpdateStaffRequest) => run(() => api.call(ROUTES.staff.update, { params: { id }, body }));
  const setDisabled = (id: string, disabled: boolean) => run(() => api.call(ROUTES.staff.setDisabled, { params: { id }, body: { disabled } }));
  async function reset(id: string) {
    const result = (await run(() => api.call(ROUTES.staff.resetPassword, { params: { id }, body: {} }))) as StaffWithTemporaryPassword | undefined;
    if (result) setShown({ result, action: 'reset' });
  }

  return (
    <>
      <PageHeader title={routeTitle({ id: 'staff', title: 'Staff accounts' }, t)} description={t('staff.description')} />
      {shown && <TemporaryPassword result={shown.result} action={shown.action} onDone={() => setShown(null)} />}
      {!shown && (
        <CreateStaffForm
          onCreated={(result) => {
            setShown({ result, action: 'created' });
            accounts.reload();
          }}
        />
      )}
      {write.error && <ErrorNotice error={write.error} />}
      <Panel title={t('staff.accounts')} flush>
        <QueryView query={accounts} what={t('staff.what')}>
          {(list) => (
            <table class="table" data-testid="staff-table">
              <thead>
                <tr>
                  <th scope="col">{t('staff.username')}</th>
                  <th scope="col">{t('staff.name')}</th>
                  <th scope="col">{t('staff.role')}</th>
                  <th scope="col">{t('staff.status')}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t('staff.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((a) => (
                  <StaffRow
                    // Re-mounted after each save so the inputs start from the stored values.
                    key={`${a.id}:${a.updatedAt}`}
                    account={a}
                    isSelf={a.id === user?.id}
                    busy={write.pending}
                    onSave={(patch) => void save(a.id, patch)}
                    onSetDisabled={(disabled) => void setDisabled(a.id, disabled)}
                    onReset={() => void reset(a.id)}
                  />
                ))}
              </tbody>
            </table>
          )}
        </QueryView>
      </Panel>
    </>
  );
}
