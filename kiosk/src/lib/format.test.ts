import { describe, expect, it } from 'vitest';
import { createAppI18n } from '@vitrina/contracts';
import en from '../i18n/en.json';
import ru from '../i18n/ru.json';
import { maskDigits, tierLabel } from './format';
import { friendlyMessage } from './error-messages';

const app = createAppI18n({ en, ru });
const tEn = app.i18n.getFixedT('en');
const tRu = app.i18n.getFixedT('ru');

describe('format', () => {
  it('masks all but the last four digits', () => {
    expect(maskDigits('')).toBe('');
    expect(maskDigits('1234')).toBe('1234');
    expect(maskDigits('4006381333931')).toBe('•••••••••3931');
  });
});

describe('tierLabel', () => {
  it('adds "member" once', () => {
    expect(tierLabel('Silver', tEn)).toBe('Silver member');
    expect(tierLabel('Member', tEn)).toBe('Member');
    expect(tierLabel('Gold Member', tEn)).toBe('Gold Member');
    expect(tierLabel('Silver', tRu)).toBe('Уровень «Silver»');
  });
});

describe('friendlyMessage', () => {
  it('never shows a raw code; unknown codes get the generic text', () => {
    expect(friendlyMessage('VITRINA_ERR_CARD_INVALID', tEn).title).toMatch(/couldn’t read/);
    expect(friendlyMessage('OFFLINE', tEn).title).toMatch(/offline/);
    expect(friendlyMessage('OFFLINE', tRu).title).toBe('Киоск не в сети');
    const generic = friendlyMessage('VITRINA_ERR_SOMETHING_NEW', tEn);
    expect(generic.title).toBe('Something went wrong');
    expect(JSON.stringify(generic)).not.toMatch(/VITRINA_ERR|errors\./);
  });
});
