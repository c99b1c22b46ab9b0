import type { DiscountKind } from '@vitrina/contracts';

export function formatMoney(minor: number, currency = 'USD'): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(minor / 100);
}

/** The words a shopper reads on an offer card. */
export function discountText(kind: DiscountKind, value: number): string {
  switch (kind) {
    case 'percent':
      return `${value}% off`;
    case 'amount':
      return `${formatMoney(value)} off`;
    case 'points':
      return `${value} bonus points`;
    case 'price':
      return `Now ${formatMoney(value)}`;
  }
}
