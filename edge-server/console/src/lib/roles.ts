import type { StaffRole } from '@vitrina/contracts';
import { consoleI18n } from './i18n';

/**
 * What each role may do in the console. The server enforces the same rules
 * (requireRole on each route); this only hides what would be refused anyway.
 */
export type Permission =
  | 'devices.view'
  | 'devices.pair'
  | 'devices.revoke'
  | 'content.view'
  | 'content.edit'
  | 'campaigns.view'
  | 'campaigns.edit'
  | 'analytics.view'
  | 'imports.run'
  | 'customers.requests'
  | 'customers.export-erase'
  | 'loyalty.settings'
  | 'catalog.edit'
  | 'staff.manage'
  | 'audit.view'
  | 'account.password'
  | 'models.view'
  | 'models.train'
  | 'survey.view'
  | 'survey.settings';

const GRANTS: Record<StaffRole, readonly Permission[]> = {
  admin: ['devices.view', 'devices.pair', 'devices.revoke', 'content.view', 'content.edit', 'campaigns.view', 'campaigns.edit', 'analytics.view', 'imports.run', 'customers.requests', 'customers.export-erase', 'loyalty.settings', 'catalog.edit', 'staff.manage', 'audit.view', 'account.password', 'models.view', 'models.train', 'survey.view', 'survey.settings'],
  marketer: ['devices.view', 'content.view', 'content.edit', 'campaigns.view', 'campaigns.edit', 'analytics.view', 'catalog.edit', 'account.password', 'models.view', 'survey.view'],
  // Analytics routes are for admins and marketers only (requireRole on /analytics/*).
  staff: ['devices.view', 'content.view', 'campaigns.view', 'customers.requests', 'account.password'],
};

export function can(role: StaffRole | null | undefined, permission: Permission): boolean {
  return role ? GRANTS[role].includes(permission) : false;
}

/** A role's name in the user's language (`roles.<role>`); read at render time. */
export function roleLabel(role: StaffRole): string {
  const { t } = consoleI18n.current();
  const labels: Record<StaffRole, string> = { admin: t('roles.admin'), marketer: t('roles.marketer'), staff: t('roles.staff') };
  return labels[role];
}
