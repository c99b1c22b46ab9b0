import { describe, expect, it } from 'vitest';
import { displayName, formatMoney } from './format';

describe('format', () => {
  it('formats minor units', () => {
    expect(formatMoney(1240)).toBe('$12.40');
    expect(formatMoney(5)).toBe('$0.05');
  });

  it('title-cases all-caps catalogue names and leaves mixed case alone', () => {
    expect(displayName('FRZN SS PREMIUM ENTREES/DNRS/N')).toBe('Frzn Ss Premium Entrees/Dnrs/N');
    expect(displayName('SOFT DRINKS 12/18&15PK CAN CAR')).toBe('Soft Drinks 12/18&15pk Can Car');
    expect(displayName('iPhone Case')).toBe('iPhone Case');
  });
});
