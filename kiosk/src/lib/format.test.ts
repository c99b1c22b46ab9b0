import { describe, expect, it } from 'vitest';
import { formatPoints, maskDigits, tierLabel } from './format';
import { friendlyMessage } from './error-messages';

describe('format', () => {
  it('masks all but the last four digits', () => {
    expect(maskDigits('')).toBe('');
    expect(maskDigits('1234')).toBe('1234');
    expect(maskDigits('4006381333931')).toBe('•••••••••3931');
  });

  // formatMoney and displayName are tested beside their code in @vitrina/contracts/client.
  it('formats points', () => {
    expect(formatPoints(12500)).toBe('12,500');
  });
});

describe('tierLabel', () => {
  it('adds "member" once', () => {
    expect(tierLabel('Silver')).toBe('Silver member');
    expect(tierLabel('Member')).toBe('Member');
    expect(tierLabel('Gold Member')).toBe('Gold Member');
  });
});

describe('friendlyMessage', () => {
  it('never shows a raw code; unknown codes get the generic text', () => {
    expect(friendlyMessage('VITRINA_ERR_CARD_INVALID').title).toMatch(/couldn’t read/);
    expect(friendlyMessage('OFFLINE').title).toMatch(/offline/);
    const generic = friendlyMessage('VITRINA_ERR_SOMETHING_NEW');
    expect(generic.title).toBe('Something went wrong');
    expect(JSON.stringify(generic)).not.toMatch(/VITRINA_ERR/);
  });
});
