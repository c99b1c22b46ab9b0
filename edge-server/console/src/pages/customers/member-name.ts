import { consoleI18n } from '../../lib/i18n';

/** "Ana Petrova", "Ana", or a placeholder when the member gave no name. */
export function memberName(m: { firstName: string | null; lastName?: string | null }) {
  return [m.firstName, m.lastName].filter(Boolean).join(' ') || consoleI18n.current().t('customers.noName');
}
