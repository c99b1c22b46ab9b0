/** Languages, the store's locale/currency/time zone, and formatting every screen shares. */
export * from './store-locale.js';
export * from './shared-messages.js';
export * from './format.js';
export * from './app-i18n.js';
