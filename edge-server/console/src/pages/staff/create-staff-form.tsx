import { useState } from 'preact/hooks';
import { ROUTES, type CreateStaffRequest, type StaffRole, type StaffWithTemporaryPassword } from '@vitrina/contracts';
import { Panel } from '../../components/panel';
import { api } from '../../lib/api';
import { describeError } from '../../lib/api-error';
import { roleLabel } from '../../lib/roles';
import { useAction } from '../../lib/use-api';
import style from './style.module.css';
import { useT } from '../../lib/use-t';

const ROLES: StaffRole[] = ['staff', 'marketer', 'admin'];

/** A new account with a temporary password: typed by the admin, or left empty for the server to generate. */
export function CreateStaffForm({ onCreated }: { onCreated: (result: StaffWithTemporaryPassword) => void }) {
  const { t } = useT();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<StaffRole>('staff');
  const [temporaryPassword, setTemporaryPassword] = useState('');
  const create = useAction((body: CreateStaffRequest) => api.call(ROUTES.staff.create, { body }));

  async function submit(e: Event) {
    e.preventDefault();
    const body: CreateStaffRequest = { username: username.trim(), role };
    if (displayName.trim()) body.displayName = displayName.trim();
    if (temporaryPassword) body.temporaryPassword = temporaryPassword;
    const result = await create.run(body);
    if (result) {
      setUsername('');
      setDisplayName('');
      setTemporaryPassword('');
      onCreated(result);
    }
  }

  return (
    <Panel title={t('staff.addTitle')}>
      <form class={style.createForm} onSubmit={submit} data-testid="create-staff-form" noValidate>
        <label class="field">
          <span>{t('staff.username')}</span>
          <input class="input" value={username} maxLength={64} autoComplete="off" onInput={(e) => setUsername(e.currentTarget.value)} data-testid="staff-username" />
        </label>
        <label class="field">
          <span>{t('staff.nameOptional')}</span>
          <input class="input" value={displayName} maxLength={80} onInput={(e) => setDisplayName(e.currentTarget.value)} data-testid="staff-display-name" />
        </label>
        <label class="field">
          <span>{t('staff.role')}</span>
          <select class="select" value={role} onChange={(e) => setRole(e.currentTarget.value as StaffRole)} data-testid="staff-role">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('staff.temporaryOptional')}</span>
          <input
            class="input"
            type="text"
            autoComplete="off"
            placeholder={t('staff.generateHint')}
            value={temporaryPassword}
            onInput={(e) => setTemporaryPassword(e.currentTarget.value)}
            data-testid="staff-temporary-password"
          />
        </label>
        <button type="submit" class="btn btn-primary" disabled={create.pending || username.trim().length < 2} data-testid="create-staff-submit">
          {create.pending ? t('staff.adding') : t('staff.add')}
        </button>
      </form>
      {create.error && (
        <p class={style.formError} role="alert" data-testid="create-staff-error">
          {describeError(create.error)}
        </p>
      )}
    </Panel>
  );
}
