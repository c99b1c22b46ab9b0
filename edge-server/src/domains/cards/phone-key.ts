import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

/**
 * The one spelling of a phone number that is hashed, so that every way a shopper or a file
 * writes the same phone finds the same member: "+7 916 123-45-67", "89161234567" (Russian trunk
 * prefix) and "79161234567" (no plus: the kiosk keypad has no + key) are all +79161234567 in a
 * Russian store. Numbers libphonenumber does not take for valid in the store's region keep
 * the digits they were given (with their +), as before. Pure; never throws.
 */
export function phoneKey(value: string, region: CountryCode | undefined): string {
  try {
    const parsed = parsePhoneNumberFromString(value, region);
    if (parsed?.isValid()) return parsed.number;
  } catch {
    // not a number libphonenumber can read: keep the typed digits
  }
  return value;
}

/** The store's phone region from its locale: "ru-RU" → "RU", "en-US" → "US". */
export function phoneRegionOf(locale: string): CountryCode | undefined {
  const region = /-([A-Z]{2})$/.exec(locale)?.[1];
  return region as CountryCode | undefined;
}
