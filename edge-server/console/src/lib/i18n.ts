/**
 * The console's i18n state: catalogues from `src/i18n/`, the store's locale (GET /api/store/locale,
 * public, asked once at start), and the user's own language — chosen in the app shell and
 * remembered in this browser's localStorage; until someone chooses, the store's language.
 */
import { createAppI18n, isLanguage, ROUTES, type Language } from '@vitrina/contracts';
import en from '../i18n/en.json';
import ru from '../i18n/ru.json';
import { api } from './api';

export const LANGUAGE_STORAGE_KEY = 'vitrina.console.language';
const storage = typeof localStorage === 'undefined' ? null : localStorage;

export const consoleI18n = createAppI18n({ en, ru });

const saved = storage?.getItem(LANGUAGE_STORAGE_KEY);
if (isLanguage(saved)) consoleI18n.choose(saved);

/** The user's language, remembered in this browser. */
export function chooseLanguage(language: Language): void {
  consoleI18n.choose(language);
  try {
    storage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Storage disabled: the choice lasts for this page only.
  }
}

/** Asks the server for the store's locale; on failure the console keeps the demo store's defaults. */
export async function loadStoreLocale(): Promise<void> {
  try {
    consoleI18n.setStore(await api.call(ROUTES.system.storeLocale));
  } catch {
    // Offline or an old server: English / USD formatting until the next load.
  }
}

if (typeof document !== 'undefined') {
  const markLanguage = () => { document.documentElement.lang = consoleI18n.current().language; };
  markLanguage();
  consoleI18n.subscribe(markLanguage);
}
