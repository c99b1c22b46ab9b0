import { useSyncExternalStore } from 'preact/compat';
import type { AppLocale } from '@vitrina/contracts/locale';
import { kioskI18n } from './i18n';

/**
 * `const { t, fmt, language } = useT()`: the kiosk's words and number/date formats in the
 * current language (the shopper's choice, else the store's); the component re-renders when it changes.
 */
export function useT(): AppLocale {
  return useSyncExternalStore(kioskI18n.subscribe, kioskI18n.current);
}
