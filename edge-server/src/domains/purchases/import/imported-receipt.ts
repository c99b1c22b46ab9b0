/** A historical receipt as the CSV import writes it: a sale, no points, no promotions. */
export interface ImportedReceipt {
  id: string;
  storeTime: string;
  customerId: string | null;
  localDate: string;
  totalMinor: number;
  lines: Array<{ lineNo: number; productId: string; quantity: number; unitPrice: number; discount: number }>;
}
