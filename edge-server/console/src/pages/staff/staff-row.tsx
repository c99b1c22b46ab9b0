import { useState } from 'preact/hooks';
import type { StaffAccount, StaffRole, UpdateStaffRequest } from '@vitrina/contracts';
import { ConfirmButton } from '../../components/confirm-button';
import { StatusChip } from '../../components/status-chip';
import { formatDateTime } from '../../lib/format';
import { roleLabel } from '../../lib/roles';
import style from './style.module.css';

const ROLES: StaffRole[] = ['staff', 'marketer', 'admin'];

interface Props {
  account: StaffAccount;
  isSelf: boolean;
  busy: boolean;
  onSave: (patch: UpdateStaffRequest) => void;
  onSetDisabled: (disabled: boolean) => void;
  onReset: () => void;
}

/** One account: name and role edited in place (Save when changed), enable/disable and password reset. */
export function StaffRow({ account, isSelf, busy, onSave, onSetDisabled, onReset }: Props) {
  const [name, setName] = useState(account.displayName);
  const [role, setRole] = useState<StaffRole>(account.role);
  const patch: UpdateStaffRequest = {};
  if (name.trim() !== account.displayName) patch.displayName = name.trim();
  if (role !== account.role) patch.role = role;
  const dirty = Object.keys(patch).length > 0;
  const label = account.displayName || account.username;
  const passwordSet = `Password set ${formatDateTime(account.passwordChangedAt)}`;

  return (
    <tr data-testid="staff-row" data-username={account.username} class={account.disabled ? style.disabled : undefined}>
      <td>
        <span class={style.username}>{account.username}</span>
        {isSelf && <span class="muted"> (you)</span>}
      </td>
      <td>
        <input class={`input ${style.nameInput}`} value={name} maxLength={80} aria-label={`Name of ${account.username}`} onInput={(e) => setName(e.currentTarget.value)} data-testid="staff-row-name" />
      </td>
      <td>
        <select class={`select ${style.roleSelect}`} value={role} aria-label={`Role of ${account.username}`} onChange={(e) => setRole(e.currentTarget.value as StaffRole)} data-testid="staff-row-role">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {roleLabel(r)}
            </option>
          ))}
        </select>
      </td>
      <td>
        {account.disabled ? (
          <StatusChip tone="neutral" testId="staff-status" title={passwordSet}>Disabled</StatusChip>
        ) : account.mustChangePassword ? (
          <StatusChip tone="warn" testId="staff-status" title={passwordSet}>Temporary password</StatusChip>
        ) : (
          <StatusChip tone="ok" testId="staff-status" title={passwordSet}>Active</StatusChip>
        )}
      </td>
      <td class={`num ${style.actions}`}>
        <button type="button" class="btn btn-small" disabled={!dirty || busy} onClick={() => onSave(patch)} data-testid="staff-save">
          Save
        </button>
        <ConfirmButton label="Reset password" confirmLabel="Reset now" ariaLabel={`Reset the password of ${label}`} disabled={busy} onConfirm={onReset} testId="staff-reset-button" />
        {account.disabled ? (
          <button type="button" class="btn btn-small" disabled={busy} onClick={() => onSetDisabled(false)} data-testid="staff-enable">
            Enable
          </button>
        ) : (
          !isSelf && (
            <ConfirmButton label="Disable" confirmLabel="Disable now" ariaLabel={`Disable ${label}`} disabled={busy} onConfirm={() => onSetDisabled(true)} testId="staff-disable-button" />
          )
        )}
      </td>
    </tr>
  );
}
