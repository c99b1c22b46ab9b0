import { describe, expect, it } from 'vitest';
import { enrollProblem, isPhoneProblem } from './error-messages';

describe('enrollProblem', () => {
  it('reads the server refusing a number as being about the phone field when a phone was sent', () => {
    expect(enrollProblem('VITRINA_ERR_CARD_INVALID', true)).toBe('PHONE_INVALID');
    expect(enrollProblem('VITRINA_ERR_VALIDATION', true)).toBe('PHONE_INVALID');
    expect(enrollProblem('VITRINA_ERR_CONFLICT', true)).toBe('PHONE_TAKEN');
    expect(isPhoneProblem(enrollProblem('VITRINA_ERR_CONFLICT', true))).toBe(true);
  });
  it('leaves every other answer, and any answer without a phone, as the server gave it', () => {
    expect(enrollProblem('VITRINA_ERR_CONFLICT', false)).toBe('VITRINA_ERR_CONFLICT');
    expect(enrollProblem('VITRINA_ERR_SESSION_UNKNOWN', true)).toBe('VITRINA_ERR_SESSION_UNKNOWN');
    expect(enrollProblem('TIMEOUT', true)).toBe('TIMEOUT');
    expect(isPhoneProblem('VITRINA_ERR_CARD_INVALID')).toBe(false);
  });
  it('points a malformed or taken e-mail at the e-mail field', () => {
    expect(enrollProblem('VITRINA_ERR_VALIDATION', false, true)).toBe('EMAIL_INVALID');
    expect(enrollProblem('VITRINA_ERR_VALIDATION', true, true)).toBe('EMAIL_INVALID');
    expect(enrollProblem('VITRINA_ERR_CONFLICT', false, true)).toBe('EMAIL_TAKEN');
    expect(enrollProblem('VITRINA_ERR_BIRTHDAY_INVALID', true, true)).toBe('VITRINA_ERR_BIRTHDAY_INVALID');
  });
});
