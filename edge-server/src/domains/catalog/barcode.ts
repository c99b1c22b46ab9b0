/**
 * Barcodes the catalogue stores: EAN-13, EAN-8, UPC-A (12 digits) and ITF-14/GTIN-14, each with
 * a valid GS1 check digit (weights 3,1,3,… from the right, excluding the check digit).
 */
export function isValidBarcode(code: string): boolean {
  if (!/^(\d{8}|\d{12,14})$/.test(code)) return false;
  const digits = [...code].map(Number);
  const check = digits.pop()!;
  let sum = 0;
  digits.reverse().forEach((d, i) => { sum += d * (i % 2 === 0 ? 3 : 1); });
  return (10 - (sum % 10)) % 10 === check;
}
