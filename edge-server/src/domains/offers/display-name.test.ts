import { describe, expect, it } from 'vitest';
import { DISPLAY_NAME_MAX, displayNameOf, imageUrlOf, shorten } from './display-name.js';

describe('what a shopper reads on a card', () => {
  it('prefers the staff-given short name', () => {
    expect(displayNameOf({ name: 'Soft Drinks 12/18&15pk Can Car 12 oz', short_name: 'Soft Drinks, 12 oz cans' })).toBe('Soft Drinks, 12 oz cans');
    expect(displayNameOf({ name: 'Celery', short_name: '  ' })).toBe('Celery');
  });

  it('cleans a catalogue name: pack codes, carton words and bracketed size codes go; shouting becomes Title Case', () => {
    expect(shorten('Soft Drinks 12/18&15pk Can Car 12 oz')).toBe('Soft Drinks Can 12 oz');
    expect(shorten('Sugar (600) 4 lb')).toBe('Sugar 4 lb');
    expect(shorten('FRZN SS PREMIUM ENTREES')).toBe('Frzn Ss Premium Entrees');
    expect(shorten('Potatoes Russet (Bulk&Bag) 5 lb')).toBe('Potatoes Russet (Bulk&Bag) 5 lb');
  });

  it('cuts a long name at a word, within the card\'s limit', () => {
    const long = shorten('Tomatoes Hothouse On The Vine Extra Large Premium Selection 13 lb');
    expect(long.length).toBeLessThanOrEqual(DISPLAY_NAME_MAX);
    expect(long).toBe('Tomatoes Hothouse On The Vine…');
    expect(shorten('Supercalifragilisticexpialidocious-Vegetable-Medley')).toHaveLength(DISPLAY_NAME_MAX);
  });

  it('uses only images the edge server serves', () => {
    expect(imageUrlOf('/media/products/milk.svg')).toBe('/media/products/milk.svg');
    expect(imageUrlOf('import_files/bd/milk.jpg')).toBe('/media/import_files/bd/milk.jpg');
    for (const bad of [null, '', 'https://cdn.example/milk.jpg', '//cdn.example/x.png', 'javascript:alert(1)', '/etc/passwd', '../secret.png', 'data:image/png;base64,AA']) expect(imageUrlOf(bad), String(bad)).toBeNull();
  });
});
