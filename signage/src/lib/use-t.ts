import { useSyncExternalStore } from 'preact/compat';
import type { AppLocale } from '@vitrina/contracts/locale';
import { signageI18n } from './i18n';

/** `const { t, fmt } = useT()`: the screen's words and formats in the store's language; re-renders when it changes. */
export function useT(): AppLocale {
  return useSyncExternalStore(signageI18n.subscribe, signageI18n.current);
}
