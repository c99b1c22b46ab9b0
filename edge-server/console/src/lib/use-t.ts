import { useSyncExternalStore } from 'preact/compat';
import type { AppLocale } from '@vitrina/contracts';
import { consoleI18n } from './i18n';

/**
 * `const { t, fmt, language } = useT()`: the console's words and formats in the user's language;
 * the component re-renders when the language or the store's locale changes.
 */
export function useT(): AppLocale {
  return useSyncExternalStore(consoleI18n.subscribe, consoleI18n.current);
}
