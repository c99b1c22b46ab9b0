import { describe, expect, it } from 'vitest';
import { displayName } from './format';

describe('format', () => {
  it('title-cases all-caps catalogue names and leaves mixed case alone', () => {
    expect(displayName('FRZN SS PREMIUM ENTREES/DNRS/N')).toBe('Frzn Ss Premium Entrees/Dnrs/N');
    expect(displayName('SOFT DRINKS 12/18&15PK CAN CAR')).toBe('Soft Drinks 12/18&15pk Can Car');
    expect(displayName('iPhone Case')).toBe('iPhone Case');
  });

  it('title-cases Cyrillic names too, instead of leaving them all small', () => {
    expect(displayName('МОЛОКО 3,2% ДОМИК В ДЕРЕВНЕ')).toBe('Молоко 3,2% Домик В Деревне');
    expect(displayName('Молоко')).toBe('Молоко');
  });
});
