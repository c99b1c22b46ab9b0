import { useState } from 'preact/hooks';
import type { StaffAccount, StaffRole, UpdateStaffRequest } from '@vitrina/contracts';
import { ConfirmButton } from '../../components/confirm-button';
import { StatusChip } from '../../components/status-chip';
import { formatDateTime } from '../../lib/format';
import { roleLabel } from '../../lib/roles';
import style from './style.module.css';
import { useT } from '../../lib/use-t';

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
  const { t } = useT();
  const [name, setName] = useState(account.displayName);
  const [role, setRole] = useState<StaffRole>(account.role);
  const patch: UpdateStaffRequest = {};
  if (name.trim() !== account.displayName) patch.displayName = name.trim();
  if (role !== account.role) patch.role = role;
  const dirty = Object.keys(patch).length > 0;
  const label = account.displayName || account.username;
  const passwordSet = t('staff.passwordSet', { at: formatDateTime(account.passwordChangedAt) });

  return (
    <tr data-testid="staff-row" data-username={account.username} class={account.disabled ? style.disabled : undefined}>
      <td>
        <span class={style.username}>{account.username}</span>
        {isSelf && <span class="muted"> {t('staff.you')}</span>}
      </td>
      <td>
        <input class={`input ${style.nameInput}`} value={name} maxLength={80} aria-label={t('staff.nameOf', { user: account.username })} onInput={(e) => setName(e.currentTarget.value)} data-testid="staff-row-name" />
      </td>
      <td>
        <select class={`select ${style.roleSelect}`} value={role} aria-label={t('staff.roleOf', { user: account.username })} onChange={(e) => setRole(e.currentTarget.value as StaffRole)} data-testid="staff-row-role">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {roleLabel(r)}
            </option>
          ))}
        </select>
      </td>
      <td>
        {account.disabled ? (
          <StatusChip tone="neutral" testId="staff-status" title={passwordSet}>{t('staff.disabled')}</StatusChip>
        ) : account.mustChangePassword ? (
          <StatusChip tone="warn" testId="staff-status" title={passwordSet}>{t('staff.temporary')}</StatusChip>
        ) : (
          <StatusChip tone="ok" testId="staff-status" title={passwordSet}>{t('staff.active')}</StatusChip>
        )}
      </td>
      <td class={`num ${style.actions}`}>
        <button type="button" class="btn btn-small" disabled={!dirty || busy} onClick={() => onSave(patch)} data-testid="staff-save">
          {t('staff.save')}
        </button>
        <ConfirmButton label={t('staff.reset')} confirmLabel={t('staff.resetConfirm')} ariaLabel={t('staff.resetLabel', { user: label })} disabled={busy} onConfirm={onReset} testId="staff-reset-button" />
        {account.disabled ? (
          <button type="button" class="btn btn-small" disabled={busy} onClick={() => onSetDisabled(false)} data-testid="staff-enable">
            {t('staff.enable')}
          </button>
        ) : (
          !isSelf && (
            <ConfirmButton label={t('staff.disable')} confirmLabel={t('staff.disableConfirm')} ariaLabel={t('staff.disableLabel', { user: label })} disabled={busy} onConfirm={() => onSetDisabled(true)} testId="staff-disable-button" />
          )
        )}
      </td>
    </tr>
  );
}
