/** Key rows of the on-screen letter keyboard: QWERTY, and ЙЦУКЕН (the Russian standard layout, Ё at the end). */
export const KEYBOARD_LAYOUTS = {
  latin: ['QWERTYUIOP', 'ASDFGHJKL', 'ZXCVBNM'],
  cyrillic: ['ЙЦУКЕНГШЩЗХЪ', 'ФЫВАПРОЛДЖЭ', 'ЯЧСМИТЬБЮЁ'],
} as const;
export type KeyboardLayout = keyof typeof KEYBOARD_LAYOUTS;

/** Russian readers get Cyrillic first; they can switch to Latin for a Latin-spelled name, and back. */
export function layoutFor(language: string): KeyboardLayout {
  return language === 'ru' ? 'cyrillic' : 'latin';
}

/** Capital letter at the start of a name part ("Mary-Ann", "Анна-Мария"), small letters after. */
export function withCase(value: string, letter: string): string {
  return value === '' || /[\s-]$/.test(value) ? letter.toUpperCase() : letter.toLowerCase();
}
