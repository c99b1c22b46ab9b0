/** Members moving in from a store's old program: CSV import of members, cards, phones, e-mails, consents and opening balances. */
export { MembersImport, type MembersImportDeps, type MembersImportOptions } from './import-members.js';
export { MEMBER_COLUMNS, MAX_OPENING_POINTS } from './member-row.js';
export { membersImportRoutes } from './routes.js';
