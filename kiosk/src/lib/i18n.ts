/**
 * The kiosk's i18n state: catalogues from `src/i18n/`, the store's locale from the server (the
 * last answer cached for offline boots), and the shopper's language choice for one session.
 */
import { createAppI18n } from '@vitrina/contracts/locale';
import { cachedStoreLocale } from '@vitrina/contracts/client';
import en from '../i18n/en.json';
import ru from '../i18n/ru.json';

export const kioskI18n = createAppI18n({ en, ru }, cachedStoreLocale() ?? undefined);

// Screen readers and hyphenation follow the page's language.
const markLanguage = () => { document.documentElement.lang = kioskI18n.current().language; };
markLanguage();
kioskI18n.subscribe(markLanguage);
