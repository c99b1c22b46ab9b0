/**
 * The screen's i18n state: catalogues from `src/i18n/` in the store's language (signage has no
 * language switch: nobody stands at a screen to choose). The store's locale comes from the server
 * and is cached, so a screen that boots offline keeps its language.
 */
import { createAppI18n } from '@vitrina/contracts/locale';
import { cachedStoreLocale } from '@vitrina/contracts/client';
import en from '../i18n/en.json';
import ru from '../i18n/ru.json';

export const signageI18n = createAppI18n({ en, ru }, cachedStoreLocale() ?? undefined);

const markLanguage = () => { document.documentElement.lang = signageI18n.current().language; };
markLanguage();
signageI18n.subscribe(markLanguage);
