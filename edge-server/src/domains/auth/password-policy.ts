import { randomInt } from 'node:crypto';
import { PASSWORD_MIN_LENGTH } from '@vitrina/contracts';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';

/**
 * Passwords people pick when told "at least 12 characters" (from the published top-lists of
 * breached passwords, the ones that are 12 or longer, plus store-flavoured ones). Compared
 * lower-cased, with the separators people put between words removed.
 */
const COMMON = new Set([
  '123456789012', '1234567890123', '12345678901234', '123456123456', '111111111111', '000000000000', '123123123123',
  'qwertyuiopasdfgh', 'qwertyuiop123', 'qwerty123456', '1q2w3e4r5t6y', '1qaz2wsx3edc', 'qazwsxedcrfv', 'asdfghjkl123',
  'password1234', 'password12345', 'password123456', 'passwordpassword', 'p@ssword1234', 'p@ssw0rd1234', 'passw0rd1234',
  'iloveyou1234', 'letmein12345', 'welcome12345', 'welcome123456', 'administrator', 'admin1234567', 'adminadmin12', 'changeme1234',
  'correcthorsebatterystaple', 'correcthorsebattery', 'trustno1trustno1', 'football1234', 'baseball1234', 'sunshine1234', 'princess1234',
  'monkey123456', 'dragon123456', 'superman1234', 'starwars1234', 'whatever1234', 'abcdefghijkl', 'abc123abc123', 'abcd1234abcd',
  'vitrina12345', 'vitrina123456', 'vitrinavitrina', 'store1234567', 'cashier12345', 'supermarket1', 'marketing123', 'manager12345',
]);

/**
 * The rule for every password a person sets (their own, or a temporary one an admin types):
 * at least PASSWORD_MIN_LENGTH characters, not the username, not a common password.
 */
export function checkPasswordPolicy(password: string, username: string): void {
  const refuse = (why: string) => {
    throw new VitrinaError('VITRINA_ERR_PASSWORD_WEAK', why, [{ path: '/password', message: why }]);
  };
  if ([...password].length < PASSWORD_MIN_LENGTH) refuse(`Use at least ${PASSWORD_MIN_LENGTH} characters.`);
  const folded = password.toLowerCase().replace(/[\s._-]+/g, '');
  const user = username.toLowerCase().replace(/[\s._-]+/g, '');
  // The username with a little around it (`mara-mara.12`, `mara2026!!`) is the username.
  if (user.length > 0 && folded.includes(user) && folded.replaceAll(user, '').length < 6) refuse('Do not use your username as the password.');
  if (COMMON.has(folded) || /^(.)\1+$/.test(folded)) refuse('That password is too common; choose another.');
}

/** Letters and digits without look-alikes (no 0/O, 1/l/I): read aloud or copied from a screen. */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A temporary password: 16 random characters (≈92 bits) in groups of four, `abcd-efgh-jkmn-pqrs`. */
export function generateTemporaryPassword(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]!);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
