import type { CreateProductRequest, ProductDetail, RestrictedKind, UpdateProductRequest } from '@vitrina/contracts';
import { parseMoneyInput } from '../../lib/forms';
import { consoleI18n } from '../../lib/i18n';

/** The product editor's fields as typed (strings), turned into a request by productRequestFrom. */
export interface ProductForm {
  id: string;
  name: string;
  shortName: string;
  article: string;
  barcodes: string;
  brand: string;
  department: string;
  category: string;
  unit: string;
  price: string;
  vatRate: string;
  image: string;
  restrictedKind: string;
  egais: boolean;
}

export function productFormFrom(p: ProductDetail | null): ProductForm {
  return {
    id: p?.id ?? '', name: p?.name ?? '', shortName: p?.shortName ?? '', article: p?.article ?? '', barcodes: p?.barcodes.join(' ') ?? '', brand: p?.brand ?? '',
    department: p?.department ?? '', category: p?.category ?? '', unit: p?.unit ?? '', price: p?.priceMinor == null ? '' : (p.priceMinor / 100).toFixed(2),
    vatRate: p?.vatRate ?? '', image: p?.image ?? '', restrictedKind: p?.restrictedKind ?? '', egais: p?.egais ?? false,
  };
}

const splitBarcodes = (s: string) => s.split(/[\s,;]+/).filter(Boolean);

/** What is wrong with the form, in words; empty when it can be sent. */
export function productFormProblems(f: ProductForm, isNew: boolean): string[] {
  const { t } = consoleI18n.current();
  const out: string[] = [];
  if (isNew && !/^[A-Za-z0-9_.:-]{1,64}$/.test(f.id.trim())) out.push(t('products.problems.id'));
  if (!f.name.trim()) out.push(t('products.problems.name'));
  if (splitBarcodes(f.barcodes).some((b) => !/^(\d{8}|\d{12,14})$/.test(b))) out.push(t('products.problems.barcode'));
  if (f.price.trim() && parseMoneyInput(f.price) === null) out.push(t('products.problems.price'));
  if (f.vatRate.trim() && !/^(none|\d{1,2}(\.\d{1,2})?)$/.test(f.vatRate.trim())) out.push(t('products.problems.vat'));
  return out;
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** The request for a new product, or the changes to an existing one. */
export function productRequestFrom(f: ProductForm, current: ProductDetail | null): CreateProductRequest | UpdateProductRequest {
  const fields = {
    name: f.name.trim(),
    shortName: orNull(f.shortName),
    article: orNull(f.article),
    brand: orNull(f.brand),
    barcodes: splitBarcodes(f.barcodes),
    ...(f.department.trim() ? { department: f.department.trim() } : {}),
    ...(f.category.trim() ? { category: f.category.trim() } : {}),
    unit: orNull(f.unit),
    priceMinor: f.price.trim() ? parseMoneyInput(f.price) : null,
    vatRate: orNull(f.vatRate),
    image: orNull(f.image),
    restrictedKind: (orNull(f.restrictedKind) as RestrictedKind | null),
    egais: f.egais,
  };
  if (!current) return { id: f.id.trim(), ...fields };
  // Only what changed, so an edit does not re-decide restriction when its inputs stayed.
  const changes: Record<string, unknown> = {};
  const before = { name: current.name, shortName: current.shortName, article: current.article, brand: current.brand, barcodes: current.barcodes, department: current.department,
    category: current.category, unit: current.unit, priceMinor: current.priceMinor, vatRate: current.vatRate, image: current.image, restrictedKind: current.restrictedKind, egais: current.egais };
  for (const [k, v] of Object.entries(fields)) {
    if (JSON.stringify(v) !== JSON.stringify((before as Record<string, unknown>)[k])) changes[k] = v;
  }
  return Object.keys(changes).length > 0 ? changes as UpdateProductRequest : { name: fields.name };
}
