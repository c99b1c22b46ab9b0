/**
 * Kiosk-side reading of a number the shopper gave: does it look like a plastic card (so the
 * enrollment may offer to add a phone) or a phone number (so the server issues a virtual card)?
 * The server decides what it stores; this only picks which optional step to show. Mirrors the
 * edge server's card rules (domains/cards/card-number.ts): a valid EAN-13, or 12–19 digits other
 * than 13 with a valid Luhn check digit. Numbers of a store's custom card patterns read as phones
 * here, which only means that shopper is not offered the optional phone field.
 */
import type { IdentifyRequest } from '@vitrina/contracts';

const DIGITS = /^[0-9]+$/;

export function isValidEan13(code: string): boolean {
  if (code.length !== 13 || !DIGITS.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(code[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10 === Number(code[12]);
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** What the shopper started with: scanners and wedges only read cards; typed digits may be either. */
export function startedWith(code: string, source: IdentifyRequest['source']): 'card' | 'phone' {
  if (source !== 'keypad') return 'card';
  if (!DIGITS.test(code)) return 'phone';
  if (code.length === 13) return isValidEan13(code) ? 'card' : 'phone';
  return code.length >= 12 && code.length <= 19 && luhnValid(code) ? 'card' : 'phone';
}

/** "2991234567890" → "2991 2345 6789 0": groups of four are easier to read out and copy. */
export function groupDigits(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}
