import type { RestrictedKind } from '@vitrina/contracts';
import { isValidBarcode } from '../barcode.js';
import type { RestrictionInput } from '../restriction.js';
import type { CmlOffer, CmlProduct, CmlProperty } from './commerceml-parser.js';
import type { StagedPrice, StagedProduct } from './import-repository.js';
import { groupIdFor, minorUnitsOf, productIdFor, truthy, vatRateOf } from './refs.js';

/** What mapping a 1C product needs besides the product: the group tree and the properties, by Ид. */
export interface MappingContext {
  groups: ReadonlyMap<string, { name: string; parentId: string | null }>;
  properties: ReadonlyMap<string, CmlProperty>;
  isRestricted(p: RestrictionInput): boolean;
}

export type Mapped<T> = { ok: T; warnings: string[] } | { rejected: string };

/** Russian words for restricted goods in 1C names (ВидНоменклатуры, groups); the store's list (English) still applies to department and category. */
/** Stems at the start of a word (JavaScript's \b knows no Cyrillic): "вино" but not "свинина". */
const wordStart = (stems: string) => new RegExp(`(?<![а-яёa-z])(?:${stems})`, 'i');
const ALCOHOL_RE = wordStart('алкогол|спиртн|пиво|пивн|вино|вина|винн|водк|коньяк|виски|ликер|ликёр|шампанск|игрист|сидр|медовух|текил|ром(?![а-яё])|джин(?![а-яё])|бренди|настойк');
const TOBACCO_RE = wordStart('табак|табач|сигарет|сигар|папирос|вейп|никотин|кальян');
/** Requisites/properties whose truthy value marks alcohol for EGAIS. */
const EGAIS_RE = /егаис|egais/i;
const KIND_NAME_RE = /вид\s*номенклатуры|тип\s*номенклатуры|видноменклатуры|категори/i;

function restrictedKindOf(names: readonly string[], attributes: ReadonlyArray<{ name: string; value: string }>) {
  let kind: RestrictedKind | null = null;
  let egais = false;
  for (const a of attributes) {
    if (EGAIS_RE.test(a.name) && (truthy(a.value) || /^\d{3}$/.test(a.value.trim()))) { kind = 'alcohol'; egais = true; }
    else if (/алкогольн/i.test(a.name) && (truthy(a.value) || /^\d{3}$/.test(a.value.trim()))) kind ??= 'alcohol';
    else if (/табачн|маркируем/i.test(a.name) && TOBACCO_RE.test(a.value)) kind ??= 'tobacco';
    else if (KIND_NAME_RE.test(a.name)) {
      if (ALCOHOL_RE.test(a.value)) kind ??= 'alcohol';
      else if (TOBACCO_RE.test(a.value)) kind ??= 'tobacco';
    }
  }
  if (!kind) for (const n of names) {
    if (ALCOHOL_RE.test(n)) { kind = 'alcohol'; break; }
    if (TOBACCO_RE.test(n)) { kind = 'tobacco'; break; }
  }
  return { kind, egais };
}

/** The group path of a group, top first. */
export function groupPath(groups: MappingContext['groups'], id: string | null): string[] {
  const out: string[] = [];
  for (let g = id ? groups.get(id) : undefined, n = 0; g && n < 50; g = g.parentId ? groups.get(g.parentId) : undefined, n++) out.unshift(g.name);
  return out;
}

/** A 1C Товар → a staged product (or why it is rejected). */
export function mapProduct(p: CmlProduct, ctx: MappingContext): Mapped<StagedProduct> {
  if (!p.ref) return { rejected: 'Товар without Ид' };
  if (!p.name) return { rejected: 'Товар without Наименование' };
  if (p.name.length > 500) return { rejected: 'Наименование longer than 500 characters' };
  const warnings: string[] = [];
  const properties = p.properties.map((v) => {
    const prop = ctx.properties.get(v.ref);
    return { name: prop?.name ?? v.ref, value: prop?.values.get(v.value) ?? v.value };
  });
  const attributes = [...p.requisites, ...properties];
  const barcodes: string[] = [];
  for (const code of [...p.barcodes, ...p.requisites.filter((r) => /штрихкод|barcode/i.test(r.name)).flatMap((r) => r.value.split(/[,;\s]+/).filter(Boolean))]) {
    if (isValidBarcode(code)) { if (!barcodes.includes(code)) barcodes.push(code); } else warnings.push(`${p.ref}: barcode "${code.slice(0, 40)}" is not a valid EAN-13/EAN-8/UPC (dropped)`);
  }
  const groupRef = p.groupRefs[0] ?? null;
  const groupId = groupRef ? groupIdFor(groupRef) : null;
  if (groupId && !ctx.groups.has(groupId)) warnings.push(`${p.ref}: group ${groupRef!.slice(0, 64)} is not in the classifier (product left ungrouped)`);
  const path = groupPath(ctx.groups, groupId);
  const department = path.length > 0 ? path[0]! : null;
  const category = path.length > 0 ? path.at(-1)! : null;
  // Group names and the kind attributes decide; the product name alone would flag vinegar ("уксус винный").
  const { kind, egais } = restrictedKindOf(path, attributes);
  const vat = p.taxes.find((t) => /ндс|vat/i.test(t.name)) ?? p.taxes[0];
  const brand = p.manufacturer || attributes.find((a) => /бренд|марка|производител|brand/i.test(a.name))?.value || null;
  const shortName = attributes.find((a) => /кратк|short/i.test(a.name))?.value?.slice(0, 40) || null;
  const restricted = kind !== null || (department !== null && ctx.isRestricted({ department, category: category!, restricted: false }));
  return {
    ok: {
      productId: productIdFor(p.ref), externalRef: p.ref, name: p.name, shortName, article: p.article || null, brand: brand?.slice(0, 100) ?? null,
      groupId: groupId && ctx.groups.has(groupId) ? groupId : null, department, category, unit: p.unit || null, vatRate: vat ? vatRateOf(vat.rate) : null,
      image: p.images[0] ?? null, barcodes: p.barcodes.length > 0 || barcodes.length > 0 ? barcodes : null, priceMinor: null, active: p.deleted ? 0 : 1,
      restricted: restricted ? 1 : 0, restrictedKind: kind, egais: kind ? (egais ? 1 : 0) : null,
    },
    warnings,
  };
}

/** A 1C Предложение → staged price rows (one per Цена; one stock row when it has none). */
export function mapOffer(o: CmlOffer, nextSeq: () => number): Mapped<StagedPrice[]> {
  if (!o.ref) return { rejected: 'Предложение without Ид' };
  const hash = o.ref.indexOf('#');
  const parentRef = hash > 0 ? o.ref.slice(0, hash) : null;
  const productId = productIdFor(o.ref);
  const quantity = o.quantity ? Number(o.quantity.replace(',', '.')) : null;
  if (quantity !== null && !Number.isFinite(quantity)) return { rejected: `Количество "${o.quantity.slice(0, 20)}" is not a number` };
  const chars = o.characteristics.filter((c) => c.value).map((c) => c.value).join(', ');
  const base = { ref: o.ref, productId, parentId: parentRef ? productIdFor(parentRef) : null, variantName: o.name || null, variantSuffix: chars || null, quantity };
  if (o.prices.length === 0) return { ok: [{ ...base, seq: nextSeq(), priceTypeId: null, priceMinor: null, currency: null }], warnings: [] };
  const rows: StagedPrice[] = [];
  for (const price of o.prices) {
    if (!price.typeRef) return { rejected: 'Цена without ИдТипаЦены' };
    const minor = minorUnitsOf(price.amount);
    if (minor === null) return { rejected: `ЦенаЗаЕдиницу "${price.amount.slice(0, 30)}" is not an amount with at most 2 decimals` };
    rows.push({ ...base, seq: nextSeq(), priceTypeId: price.typeRef, priceMinor: minor, currency: price.currency || null });
  }
  return { ok: rows, warnings: [] };
}
