import { describe, expect, it } from 'vitest';
import { summarizeBody, summarizeChange, targetOf } from './summary.js';

describe('audit summaries', () => {
  it('keep short plain values and leave out secrets, contact data and anything shaped like them, whatever the key', () => {
    expect(summarizeBody({ name: 'Summer sale', percent: 10, active: true, startsOn: '2026-06-10', endsAt: '2026-06-30T21:59:59.000Z' }))
      .toBe('name="Summer sale", percent=10, active=true, startsOn="2026-06-10", endsAt="2026-06-30T21:59:59.000Z"');
    expect(summarizeBody({ password: 'x', newPassword: 'y', token: 't', cardNumber: '4000', phone: '1', email: 'a', firstName: 'Ann', birthDate: '1990-01-01', code: 'SAVE10' }))
      .toBe('password=[redacted], newPassword=[redacted], token=[redacted], cardNumber=[redacted], phone=[redacted], email=[redacted], firstName=[redacted], birthDate=[redacted], code=[redacted]');
    expect(summarizeBody({ reason: 'call +44 20 7946 0958', note: 'mail ann@example.org', ref: '4111 1111 1111 1111', big: 41111111111111 }))
      .toBe('reason=[redacted], note=[redacted], ref=[redacted], big=[redacted]');
    // Generated ids keep their digits; a number standing on its own does not.
    expect(summarizeBody({ campaignId: 'camp_ee1b680919074b1e8742', note: 'id 4111111111111111' })).toBe('campaignId="camp_ee1b680919074b1e8742", note=[redacted]');
    expect(summarizeBody({ reason: 'x'.repeat(300), lines: [1, 2, 3], nested: { phone: '1' } })).toBe('reason=(300 chars), lines=[3 items], nested={…}');
    expect(summarizeBody(undefined)).toBe('');
  });

  it('write a domain’s before/after as field: before → after, redacted the same way', () => {
    expect(summarizeChange({ before: { role: 'marketer', disabled: false }, after: { role: 'admin', disabled: false, sessions: 'ended' } }))
      .toBe('role: "marketer" → "admin"; disabled: false → false; sessions: → "ended"');
    expect(summarizeChange({ before: { password: 'old-secret' }, after: { password: 'new-secret' } })).toBe('password: [redacted] → [redacted]');
  });

  it('take the target from :id or the first parameter, unless that parameter is a secret', () => {
    expect(targetOf({ id: 'staff_1' })).toBe('staff_1');
    expect(targetOf({ customerId: 'cust-9' })).toBe('cust-9');
    expect(targetOf({ code: 'SAVE10' })).toBe('[redacted]');
    expect(targetOf({ receiptId: 'r-2026-0001234' })).toBe('r-2026-0001234');
    expect(targetOf({ id: 'ann@example.org' })).toBe('[redacted]');
    expect(targetOf({})).toBeNull();
  });
});
