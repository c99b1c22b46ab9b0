/**
 * Languages, the store's locale/currency/time zone, and formatting every screen shares: the
 * `@vitrina/contracts/locale` entry. It imports no TypeBox and no route map, so the kiosk and signage
 * bundles take only this (the main entry re-exports it, plus the schema).
 */
export * from './store-locale.js';
export * from './shared-messages.js';
export * from './format.js';
export * from './app-i18n.js';
export { discountText, DEFAULT_DISCOUNT_TEXT_FORMAT, type DiscountTextFormat } from '../discount-text.js';
