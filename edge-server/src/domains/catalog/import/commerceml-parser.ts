import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { VitrinaError } from '../../../platform/errors/vitrina-error.js';

/**
 * A streaming reader of 1C CommerceML 2.x (schema versions 2.03–2.10): it is fed text chunk by
 * chunk (saxes, no DOM) and collects what the catalogue needs as plain records: groups and
 * properties (Классификатор), products (Каталог/Товары/Товар), price types and offers
 * (ПакетПредложений). Products and offers are queued for the caller to drain between chunks,
 * so a file of any size is read in constant memory (groups, properties and price types are
 * small and kept whole). Element names are matched without a namespace prefix.
 */

export const SUPPORTED_SCHEMA_VERSIONS = ['2.03', '2.04', '2.05', '2.06', '2.07', '2.08', '2.09', '2.10'] as const;
const ROOT = 'КоммерческаяИнформация';

export interface CmlGroup { ref: string; parentRef: string | null; name: string }
export interface CmlProperty { ref: string; name: string; values: Map<string, string> }
export interface CmlProduct {
  line: number;
  ref: string;
  name: string;
  article: string;
  barcodes: string[];
  groupRefs: string[];
  unit: string;
  manufacturer: string;
  /** ЗначенияСвойств: property Ид → value (a value Ид of a reference property, or text). */
  properties: Array<{ ref: string; value: string }>;
  /** ЗначенияРеквизитов: name → value. */
  requisites: Array<{ name: string; value: string }>;
  taxes: Array<{ name: string; rate: string }>;
  images: string[];
  deleted: boolean;
}
export interface CmlPriceType { ref: string; name: string; currency: string }
export interface CmlOffer {
  line: number;
  ref: string;
  name: string;
  prices: Array<{ typeRef: string; amount: string; currency: string }>;
  quantity: string;
  characteristics: Array<{ name: string; value: string }>;
  deleted: boolean;
}

export interface CmlHeader {
  schemaVersion: string;
  /** Каталог / ПакетПредложений СодержитТолькоИзменения="true". */
  catalogChangesOnly: boolean | null;
  offersChangesOnly: boolean | null;
}

const emptyProduct = (line: number): CmlProduct => ({
  line, ref: '', name: '', article: '', barcodes: [], groupRefs: [], unit: '', manufacturer: '', properties: [], requisites: [], taxes: [], images: [], deleted: false,
});
const emptyOffer = (line: number): CmlOffer => ({ line, ref: '', name: '', prices: [], quantity: '', characteristics: [], deleted: false });

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

export class CommerceMlParser {
  readonly header: CmlHeader = { schemaVersion: '', catalogChangesOnly: null, offersChangesOnly: null };
  readonly groups: CmlGroup[] = [];
  readonly properties = new Map<string, CmlProperty>();
  readonly priceTypes: CmlPriceType[] = [];
  /** Drained by the caller between chunks. */
  products: CmlProduct[] = [];
  offers: CmlOffer[] = [];

  private readonly sax = new SaxesParser({ xmlns: false, position: true });
  private readonly path: string[] = [];
  private readonly text: string[] = [];
  private readonly groupStack: CmlGroup[] = [];
  private property: CmlProperty | null = null;
  private product: CmlProduct | null = null;
  private offer: CmlOffer | null = null;
  private priceType: CmlPriceType | null = null;
  private pair: Record<string, string> = {};
  private sawRoot = false;

  constructor() {
    this.sax.on('opentag', (tag) => this.open(tag));
    this.sax.on('closetag', (tag) => this.close(localName(tag.name)));
    this.sax.on('text', (t) => this.addText(t));
    this.sax.on('cdata', (t) => this.addText(t));
    this.sax.on('error', (e) => { throw new VitrinaError('VITRINA_ERR_IMPORT_MALFORMED', `The XML is not well-formed: ${e.message.slice(0, 200)}`); });
  }

  write(chunk: string) {
    this.sax.write(chunk);
  }

  end() {
    this.sax.close();
    if (!this.sawRoot) throw new VitrinaError('VITRINA_ERR_IMPORT_MALFORMED', 'The file has no XML element.');
  }

  get line() {
    return this.sax.line;
  }

  private addText(t: string) {
    if (this.text.length > 0) this.text[this.text.length - 1] += t;
  }

  /** The element `n` levels above the current one (0: the current one). */
  private up(n: number) {
    return this.path[this.path.length - 1 - n];
  }

  private open(tag: SaxesTagPlain) {
    const name = localName(tag.name);
    const attrs = tag.attributes as Record<string, string>;
    if (!this.sawRoot) {
      this.sawRoot = true;
      if (name !== ROOT) throw new VitrinaError('VITRINA_ERR_IMPORT_UNSUPPORTED', `The root element is <${name.slice(0, 60)}>; a CommerceML file starts with <${ROOT}>.`);
      const version = (attrs['ВерсияСхемы'] ?? '').trim();
      if (!(SUPPORTED_SCHEMA_VERSIONS as readonly string[]).includes(version)) {
        throw new VitrinaError('VITRINA_ERR_IMPORT_UNSUPPORTED', `CommerceML schema version "${version.slice(0, 20)}" is not supported (supported: ${SUPPORTED_SCHEMA_VERSIONS.join(', ')}).`);
      }
      this.header.schemaVersion = version;
    }
    const parent = this.up(0);
    this.path.push(name);
    this.text.push('');
    const line = this.sax.line;
    const changesOnly = (attrs['СодержитТолькоИзменения'] ?? '').trim().toLowerCase();
    if (name === 'Каталог') this.header.catalogChangesOnly = changesOnly === 'true';
    else if (name === 'ПакетПредложений') this.header.offersChangesOnly = changesOnly === 'true';
    // 2.10 may send price and stock changes in a package of their own: changes only by nature.
    else if (name === 'ИзмененияПакетаПредложений') this.header.offersChangesOnly = true;
    else if (name === 'Товар' && parent === 'Товары') {
      this.product = emptyProduct(line);
      if (/удален/i.test(attrs['Статус'] ?? '')) this.product.deleted = true;
    } else if (name === 'Предложение' && parent === 'Предложения') this.offer = emptyOffer(line);
    else if (name === 'Группа' && parent === 'Группы' && !this.product) {
      this.groupStack.push({ ref: '', parentRef: this.groupStack.at(-1)?.ref ?? null, name: '' });
    } else if ((name === 'Свойство' || name === 'СвойствоНоменклатуры') && parent === 'Свойства' && !this.product) {
      this.property = { ref: '', name: '', values: new Map() };
    } else if (name === 'ТипЦены' && parent === 'ТипыЦен') this.priceType = { ref: '', name: '', currency: '' };
    else if (['ЗначенияСвойства', 'ЗначениеРеквизита', 'СтавкаНалога', 'Цена', 'ХарактеристикаТовара', 'Справочник'].includes(name)) this.pair = {};
  }

  private close(name: string) {
    const value = (this.text.pop() ?? '').trim();
    this.path.pop();
    const parent = this.up(0);
    if (this.product) this.closeInProduct(name, parent, value);
    else if (this.offer) this.closeInOffer(name, parent, value);
    else if (this.groupStack.length > 0 && (parent === 'Группа' || name === 'Группа')) this.closeInGroup(name, parent, value);
    else if (this.property) this.closeInProperty(name, parent, value);
    else if (this.priceType) {
      if (name === 'ТипЦены') { this.priceTypes.push(this.priceType); this.priceType = null; } else if (parent === 'ТипЦены') {
        if (name === 'Ид') this.priceType.ref = value;
        else if (name === 'Наименование') this.priceType.name = value;
        else if (name === 'Валюта') this.priceType.currency = value;
      }
    }
  }

  private closeInGroup(name: string, parent: string | undefined, value: string) {
    const g = this.groupStack.at(-1)!;
    if (name === 'Группа') {
      this.groupStack.pop();
      if (g.ref) this.groups.push(g);
    } else if (name === 'Ид') g.ref = value;
    else if (name === 'Наименование') g.name = value;
  }

  private closeInProperty(name: string, parent: string | undefined, value: string) {
    const p = this.property!;
    if (name === 'Свойство' || name === 'СвойствоНоменклатуры') {
      if (p.ref) this.properties.set(p.ref, p);
      this.property = null;
    } else if (parent === 'Свойство' || parent === 'СвойствоНоменклатуры') {
      if (name === 'Ид') p.ref = value;
      else if (name === 'Наименование') p.name = value;
    } else if (parent === 'Справочник') this.pair[name] = value;
    else if (name === 'Справочник' && this.pair['ИдЗначения']) p.values.set(this.pair['ИдЗначения'], this.pair['Значение'] ?? '');
  }

  private closeInProduct(name: string, parent: string | undefined, value: string) {
    const p = this.product!;
    if (name === 'Товар' && parent === 'Товары') {
      this.products.push(p);
      this.product = null;
      return;
    }
    if (parent === 'Товар') {
      switch (name) {
        case 'Ид': p.ref = value; break;
        case 'Наименование': p.name = value; break;
        case 'Артикул': p.article = value; break;
        case 'Штрихкод': if (value) p.barcodes.push(...value.split(/[,;\s]+/).filter(Boolean)); break;
        case 'БазоваяЕдиница': p.unit = value; break;
        case 'Картинка': if (value) p.images.push(value); break;
        case 'ПометкаУдаления': if (value.toLowerCase() === 'true') p.deleted = true; break;
        case 'Статус': if (/удален/i.test(value)) p.deleted = true; break;
      }
    } else if (parent === 'Группы' && name === 'Ид') p.groupRefs.push(value);
    else if (parent === 'Изготовитель' && name === 'Наименование') p.manufacturer = value;
    else if (parent === 'ЗначенияСвойства' || parent === 'ЗначениеРеквизита' || parent === 'СтавкаНалога') {
      // A property may list several values; the first one names it.
      if (!(name in this.pair)) this.pair[name] = value;
    } else if (name === 'ЗначенияСвойства') {
      if (this.pair['Ид'] && this.pair['Значение']) p.properties.push({ ref: this.pair['Ид'], value: this.pair['Значение'] });
    } else if (name === 'ЗначениеРеквизита') {
      if (this.pair['Наименование']) p.requisites.push({ name: this.pair['Наименование'], value: this.pair['Значение'] ?? '' });
    } else if (name === 'СтавкаНалога') {
      p.taxes.push({ name: this.pair['Наименование'] ?? '', rate: this.pair['Ставка'] ?? '' });
    } else if (name === 'БазоваяЕдиница' && !p.unit) p.unit = value;
  }

  private closeInOffer(name: string, parent: string | undefined, value: string) {
    const o = this.offer!;
    if (name === 'Предложение' && parent === 'Предложения') {
      this.offers.push(o);
      this.offer = null;
      return;
    }
    if (parent === 'Предложение') {
      switch (name) {
        case 'Ид': o.ref = value; break;
        case 'Наименование': o.name = value; break;
        case 'Количество': o.quantity = value; break;
        case 'ПометкаУдаления': if (value.toLowerCase() === 'true') o.deleted = true; break;
      }
    } else if (parent === 'Цена' || parent === 'ХарактеристикаТовара') this.pair[name] = value;
    else if (name === 'Цена') o.prices.push({ typeRef: this.pair['ИдТипаЦены'] ?? '', amount: this.pair['ЦенаЗаЕдиницу'] ?? '', currency: this.pair['Валюта'] ?? '' });
    else if (name === 'ХарактеристикаТовара') o.characteristics.push({ name: this.pair['Наименование'] ?? '', value: this.pair['Значение'] ?? '' });
    // Остатки/Остаток/(Склад/)Количество: a total over warehouses when there is no Количество of its own.
    else if (name === 'Количество' && this.path.includes('Остатки') && !this.path.includes('Склад')) o.quantity = o.quantity || value;
  }
}
