import { describe, expect, it } from 'vitest';
import { KEYBOARD_LAYOUTS, layoutFor, withCase } from './layouts';

describe('letter keyboard layouts', () => {
  it('the Cyrillic layout has every letter of the Russian alphabet once', () => {
    const keys = KEYBOARD_LAYOUTS.cyrillic.join('');
    expect([...keys].sort().join('')).toBe([...'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ'].sort().join(''));
  });
  it('the Latin layout has A to Z once', () => {
    expect([...KEYBOARD_LAYOUTS.latin.join('')].sort().join('')).toBe('ABCDEFGHIJKLMNOPQRSTUVWXYZ');
  });
  it('Russian readers start on Cyrillic', () => {
    expect(layoutFor('ru')).toBe('cyrillic');
    expect(layoutFor('en')).toBe('latin');
  });
  it('capitalizes the start of each name part, Cyrillic too', () => {
    expect(withCase('', 'А')).toBe('А');
    expect(withCase('А', 'Н')).toBe('н');
    expect(withCase('Анна-', 'М')).toBe('М');
    expect(withCase('Mary ', 'a')).toBe('A');
  });
});
