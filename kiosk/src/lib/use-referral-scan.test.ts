import { describe, expect, it } from 'vitest';
import { referralCodeOf } from '@vitrina/contracts';
import { codeOfPayload } from './use-referral-scan';

describe('a friend’s referral QR read at the kiosk', () => {
  it('fills the field with the same code the server reads from the payload', () => {
    for (const payload of ['vitrina://referral?store=demo-store&code=R7CEBZEH', 'VITRINA://referral?code=r7cebzeh&store=x']) {
      expect(codeOfPayload(payload)).toBe('R7CEBZEH');
      expect(referralCodeOf(payload)).toBe('R7CEBZEH');
    }
    expect(codeOfPayload('vitrina://referral?store=demo-store')).toBe('');
    expect(referralCodeOf('vitrina://referral?store=demo-store')).toBe('');
    expect(referralCodeOf(' r7cebzeh ')).toBe('R7CEBZEH');
  });
});
