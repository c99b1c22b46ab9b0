import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { build } from '../../../test-support/build.js';

const head = (version = '2.08', encoding = 'UTF-8') => `<?xml version="1.0" encoding="${encoding}"?>
<КоммерческаяИнформация xmlns="urn:1C.ru:commerceml_2" ВерсияСхемы="${version}" ДатаФормирования="2026-11-29T10:00:00">`;

const IMPORT_XML = `${head()}
  <Классификатор>
    <Ид>cls-1</Ид><Наименование>Классификатор (Основной каталог товаров)</Наименование>
    <Группы>
      <Группа><Ид>g-drinks</Ид><Наименование>Напитки</Наименование>
        <Группы>
          <Группа><Ид>g-beer</Ид><Наименование>Пиво</Наименование></Группа>
          <Группа><Ид>g-juice</Ид><Наименование>Соки</Наименование></Группа>
        </Группы>
      </Группа>
      <Группа><Ид>g-dairy</Ид><Наименование>Молочные продукты</Наименование></Группа>
    </Группы>
    <Свойства>
      <Свойство><Ид>prop-brand</Ид><Наименование>Бренд</Наименование><ТипЗначений>Справочник</ТипЗначений>
        <ВариантыЗначений><Справочник><ИдЗначения>brand-1</ИдЗначения><Значение>Простоквашино</Значение></Справочник></ВариантыЗначений>
      </Свойство>
    </Свойства>
  </Классификатор>
  <Каталог СодержитТолькоИзменения="false">
    <Ид>cat-1</Ид><ИдКлассификатора>cls-1</ИдКлассификатора><Наименование>Основной каталог товаров</Наименование>
    <Товары>
      <Товар>
        <Ид>bd72d8f9-55bc-11d9-848a-00112f43529a</Ид>
        <Штрихкод>4607001234562</Штрихкод>
        <Артикул>MLK-32</Артикул>
        <Наименование>Молоко 3,2% 1 л</Наименование>
        <БазоваяЕдиница Код="796" НаименованиеПолное="Штука" МеждународноеСокращение="PCE">шт</БазоваяЕдиница>
        <Группы><Ид>g-dairy</Ид></Группы>
        <Картинка>import_files/bd/milk.jpg</Картинка>
        <ЗначенияСвойств><ЗначенияСвойства><Ид>prop-brand</Ид><Значение>brand-1</Значение></ЗначенияСвойства></ЗначенияСвойств>
        <СтавкиНалогов><СтавкаНалога><Наименование>НДС</Наименование><Ставка>10</Ставка></СтавкаНалога></СтавкиНалогов>
        <ЗначенияРеквизитов>
          <ЗначениеРеквизита><Наименование>ВидНоменклатуры</Наименование><Значение>Товар</Значение></ЗначениеРеквизита>
          <ЗначениеРеквизита><Наименование>Штрихкод</Наименование><Значение>96385074</Значение></ЗначениеРеквизита>
        </ЗначенияРеквизитов>
      </Товар>
      <Товар>
        <Ид>beer-1</Ид>
        <Штрихкод>4600000000008</Штрихкод>
        <Артикул>BR-05</Артикул>
        <Наименование>Пиво светлое 0,5 л</Наименование>
        <Изготовитель><Ид>m-1</Ид><Наименование>Балтика</Наименование></Изготовитель>
        <Группы><Ид>g-beer</Ид></Группы>
        <СтавкиНалогов><СтавкаНалога><Наименование>НДС</Наименование><Ставка>20</Ставка></СтавкаНалога></СтавкиНалогов>
        <ЗначенияРеквизитов>
          <ЗначениеРеквизита><Наименование>ВидНоменклатуры</Наименование><Значение>Алкогольная продукция</Значение></ЗначениеРеквизита>
          <ЗначениеРеквизита><Наименование>Учитывать в ЕГАИС</Наименование><Значение>true</Значение></ЗначениеРеквизита>
        </ЗначенияРеквизитов>
      </Товар>
      <Товар>
        <Ид>juice-1</Ид>
        <Штрихкод>1234567890123</Штрихкод>
        <Наименование>Сок яблочный 1 л</Наименование>
        <Группы><Ид>g-juice</Ид></Группы>
        <СтавкиНалогов><СтавкаНалога><Наименование>НДС</Наименование><Ставка>Без НДС</Ставка></СтавкаНалога></СтавкиНалогов>
      </Товар>
      <Товар>
        <Ид>juice-1</Ид>
        <Наименование>Сок яблочный (дубль)</Наименование>
      </Товар>
      <Товар>
        <Наименование>Без Ид</Наименование>
      </Товар>
    </Товары>
  </Каталог>
</КоммерческаяИнформация>`;

const OFFERS_XML = `${head('2.10')}
  <ПакетПредложений СодержитТолькоИзменения="false">
    <Ид>cat-1#</Ид><Наименование>Пакет предложений</Наименование>
    <ТипыЦен>
      <ТипЦены><Ид>pt-wholesale</Ид><Наименование>Оптовая</Наименование><Валюта>RUB</Валюта></ТипЦены>
      <ТипЦены><Ид>pt-retail</Ид><Наименование>Розничная</Наименование><Валюта>RUB</Валюта></ТипЦены>
    </ТипыЦен>
    <Предложения>
      <Предложение>
        <Ид>bd72d8f9-55bc-11d9-848a-00112f43529a</Ид><Наименование>Молоко 3,2% 1 л</Наименование>
        <Цены>
          <Цена><Представление>89,90 RUB за шт</Представление><ИдТипаЦены>pt-retail</ИдТипаЦены><ЦенаЗаЕдиницу>89.90</ЦенаЗаЕдиницу><Валюта>RUB</Валюта><Единица>шт</Единица></Цена>
          <Цена><ИдТипаЦены>pt-wholesale</ИдТипаЦены><ЦенаЗаЕдиницу>75</ЦенаЗаЕдиницу><Валюта>RUB</Валюта></Цена>
        </Цены>
        <Количество>42</Количество>
      </Предложение>
      <Предложение>
        <Ид>beer-1#char-dark</Ид><Наименование>Пиво светлое 0,5 л (тёмное)</Наименование>
        <ХарактеристикиТовара><ХарактеристикаТовара><Наименование>Сорт</Наименование><Значение>тёмное</Значение></ХарактеристикаТовара></ХарактеристикиТовара>
        <Цены><Цена><ИдТипаЦены>pt-retail</ИдТипаЦены><ЦенаЗаЕдиницу>119.00</ЦенаЗаЕдиницу><Валюта>RUB</Валюта></Цена></Цены>
        <Количество>5</Количество>
      </Предложение>
      <Предложение>
        <Ид>beer-1#char-light</Ид>
        <ХарактеристикиТовара><ХарактеристикаТовара><Наименование>Сорт</Наименование><Значение>светлое нефильтрованное</Значение></ХарактеристикаТовара></ХарактеристикиТовара>
        <Количество>3</Количество>
      </Предложение>
      <Предложение>
        <Ид>no-such-product</Ид>
        <Цены><Цена><ИдТипаЦены>pt-retail</ИдТипаЦены><ЦенаЗаЕдиницу>10.00</ЦенаЗаЕдиницу></Цена></Цены>
      </Предложение>
      <Предложение>
        <Ид>juice-1</Ид>
        <Цены><Цена><ИдТипаЦены>pt-retail</ИдТипаЦены><ЦенаЗаЕдиницу>12.345</ЦенаЗаЕдиницу></Цена></Цены>
      </Предложение>
    </Предложения>
  </ПакетПредложений>
</КоммерческаяИнформация>`;

const stream = (text: string | Buffer) => Readable.from([typeof text === 'string' ? Buffer.from(text) : text]);

async function setup() {
  const t = await build();
  const catalog = t.services.catalog;
  const snapshot = async () => t.services.db.all('SELECT * FROM products ORDER BY id');
  const count = async (table: string) => (await t.services.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))!.n;
  return { ...t, catalog, snapshot, count };
}

describe('1C CommerceML import', () => {
  it('imports groups, products, barcodes, VAT, brand and the alcohol/EGAIS flag from import.xml, then prices and variants from offers.xml', async () => {
    const t = await setup();
    const report = await t.catalog.importCommerceMl(stream(IMPORT_XML));
    expect(report).toMatchObject({ productsImported: 3, productsUpdated: 0, groups: 4, pricesImported: 0, rejectedCount: 2 });
    expect(report.rejected).toEqual([
      { ref: 'juice-1', reason: expect.stringContaining('duplicate Ид') },
      { ref: expect.stringMatching(/^line \d+$/), reason: 'Товар without Ид' },
    ]);
    // 1234567890123 has a wrong check digit: dropped with a warning, the product kept.
    expect(report.warnings).toEqual([expect.stringContaining('1234567890123')]);

    const milk = await t.catalog.get('bd72d8f9-55bc-11d9-848a-00112f43529a');
    expect(milk).toMatchObject({
      name: 'Молоко 3,2% 1 л', article: 'MLK-32', barcodes: ['4607001234562', '96385074'], unit: 'шт', vatRate: '10', brand: 'Простоквашино',
      image: 'import_files/bd/milk.jpg', groupPath: ['Молочные продукты'], department: 'Молочные продукты', category: 'Молочные продукты',
      restricted: false, egais: false, active: true, source: '1c', priceMinor: null,
    });
    const beer = await t.catalog.get('beer-1');
    expect(beer).toMatchObject({ groupPath: ['Напитки', 'Пиво'], department: 'Напитки', category: 'Пиво', brand: 'Балтика', vatRate: '20', restricted: true, restrictedKind: 'alcohol', egais: true });
    expect(await t.catalog.get('juice-1')).toMatchObject({ name: 'Сок яблочный 1 л', barcodes: [], vatRate: 'none', restricted: false });

    const offers = await t.catalog.importCommerceMl(stream(OFFERS_XML));
    expect(offers).toMatchObject({ productsImported: 2, pricesImported: 3, rejectedCount: 2 });
    expect(offers.rejected).toEqual([
      { ref: 'juice-1', reason: expect.stringContaining('at most 2 decimals') },
      { ref: 'no-such-product', reason: expect.stringContaining('unknown product') },
    ]);
    const priced = await t.catalog.get('bd72d8f9-55bc-11d9-848a-00112f43529a');
    expect(priced.priceMinor).toBe(8990);
    expect(priced.prices).toEqual(expect.arrayContaining([
      { priceTypeId: 'pt-retail', priceTypeName: 'Розничная', priceMinor: 8990, currency: 'RUB' },
      { priceTypeId: 'pt-wholesale', priceTypeName: 'Оптовая', priceMinor: 7500, currency: 'RUB' },
    ]));
    expect(priced.priceHistory.map((h) => h.priceMinor)).toEqual([8990]);
    // The characteristic became a product of its own, copied from its parent (still alcohol).
    const dark = (await t.catalog.list({ q: 'тёмное' })).items;
    expect(dark).toHaveLength(1);
    expect(dark[0]).toMatchObject({ name: 'Пиво светлое 0,5 л (тёмное)', priceMinor: 11900, restricted: true, department: 'Напитки' });
    // A characteristic without a name of its own: the parent's name and its values; stock without a price.
    expect((await t.catalog.list({ q: 'нефильтрованное' })).items[0]).toMatchObject({ name: 'Пиво светлое 0,5 л (светлое нефильтрованное)', priceMinor: null, egais: true });
    // Pricing and offers read the shelf price through the catalogue's index as before.
    expect((await t.catalog.products(t.services.db, ['bd72d8f9-55bc-11d9-848a-00112f43529a'])).get('bd72d8f9-55bc-11d9-848a-00112f43529a')).toMatchObject({ price_minor: 8990, department: 'Молочные продукты' });
  });

  it('applies only changes with СодержитТолькоИзменения="true", deactivates ПометкаУдаления, and a full export deactivates what it no longer lists', async () => {
    const t = await setup();
    await t.catalog.importCommerceMl(stream(IMPORT_XML));
    const changes = `${head('2.05')}<Каталог СодержитТолькоИзменения="true"><Товары>
      <Товар><Ид>beer-1</Ид><Наименование>Пиво светлое 0,5 л (новая этикетка)</Наименование></Товар>
      <Товар><Ид>juice-1</Ид><Наименование>Сок яблочный 1 л</Наименование><ПометкаУдаления>true</ПометкаУдаления></Товар>
    </Товары></Каталог></КоммерческаяИнформация>`;
    const r = await t.catalog.importCommerceMl(stream(changes));
    expect(r).toMatchObject({ productsImported: 0, productsUpdated: 2, productsDeactivated: 0 });
    // Not stated in the change: kept (group, barcodes, restriction).
    expect(await t.catalog.get('beer-1')).toMatchObject({ name: 'Пиво светлое 0,5 л (новая этикетка)', department: 'Напитки', barcodes: ['4600000000008'], restricted: true, active: true });
    expect(await t.catalog.get('juice-1')).toMatchObject({ active: false });
    expect((await t.catalog.list({})).items.map((p) => p.id)).not.toContain('juice-1');
    expect((await t.catalog.list({ includeInactive: true })).items.map((p) => p.id)).toContain('juice-1');

    const full = `${head('2.03')}<Каталог СодержитТолькоИзменения="false"><Товары>
      <Товар><Ид>beer-1</Ид><Наименование>Пиво</Наименование></Товар>
    </Товары></Каталог></КоммерческаяИнформация>`;
    expect(await t.catalog.importCommerceMl(stream(full))).toMatchObject({ productsUpdated: 1, productsDeactivated: 1 });
    expect((await t.catalog.get('bd72d8f9-55bc-11d9-848a-00112f43529a')).active).toBe(false);

    // 2.10 price changes in a package of their own.
    const priceChange = `${head('2.10')}<ИзмененияПакетаПредложений СодержитТолькоИзменения="true"><ТипыЦен><ТипЦены><Ид>pt-retail</Ид><Наименование>Розничная</Наименование></ТипЦены></ТипыЦен>
      <Предложения><Предложение><Ид>beer-1</Ид><Цены><Цена><ИдТипаЦены>pt-retail</ИдТипаЦены><ЦенаЗаЕдиницу>99</ЦенаЗаЕдиницу></Цена></Цены></Предложение></Предложения>
    </ИзмененияПакетаПредложений></КоммерческаяИнформация>`;
    expect(await t.catalog.importCommerceMl(stream(priceChange))).toMatchObject({ pricesImported: 1, rejectedCount: 0 });
    expect((await t.catalog.get('beer-1')).priceMinor).toBe(9900);
  });

  it('reads windows-1251 when the file declares it', async () => {
    const t = await setup();
    const bytes = iconv.encode(IMPORT_XML.replace('encoding="UTF-8"', 'encoding="windows-1251"'), 'windows-1251');
    expect(await t.catalog.importCommerceMl(stream(bytes))).toMatchObject({ productsImported: 3, groups: 4 });
    expect((await t.catalog.get('beer-1')).groupPath).toEqual(['Напитки', 'Пиво']);
  });

  it('refuses unreadable files with a code per file and leaves the catalogue as it was', async () => {
    const t = await setup();
    await t.catalog.importCommerceMl(stream(IMPORT_XML));
    const before = await t.snapshot();
    const cp1251 = (s: string) => iconv.encode(s, 'windows-1251');
    const cases: Array<[string, string | Buffer, string]> = [
      ['malformed XML', IMPORT_XML.replace('</Артикул>', '</Артикл>'), 'VITRINA_ERR_IMPORT_MALFORMED'],
      ['truncated XML', IMPORT_XML.slice(0, IMPORT_XML.length - 200), 'VITRINA_ERR_IMPORT_MALFORMED'],
      ['not XML', 'Ид;Наименование\n1;Молоко\n', 'VITRINA_ERR_IMPORT_MALFORMED'],
      ['empty file', '', 'VITRINA_ERR_IMPORT_MALFORMED'],
      ['wrong root', '<?xml version="1.0"?><Catalog><Product/></Catalog>', 'VITRINA_ERR_IMPORT_UNSUPPORTED'],
      ['unknown schema version', IMPORT_XML.replace('ВерсияСхемы="2.08"', 'ВерсияСхемы="3.01"'), 'VITRINA_ERR_IMPORT_UNSUPPORTED'],
      ['no schema version', IMPORT_XML.replace('ВерсияСхемы="2.08"', ''), 'VITRINA_ERR_IMPORT_UNSUPPORTED'],
      ['windows-1251 not declared', cp1251(IMPORT_XML), 'VITRINA_ERR_IMPORT_ENCODING'],
      ['windows-1251 declared on UTF-8 text', IMPORT_XML.replace('encoding="UTF-8"', 'encoding="windows-1251"'), 'VITRINA_ERR_IMPORT_ENCODING'],
      ['an unknown encoding', IMPORT_XML.replace('encoding="UTF-8"', 'encoding="x-klingon"'), 'VITRINA_ERR_IMPORT_ENCODING'],
    ];
    for (const [what, body, code] of cases) {
      await expect(t.catalog.importCommerceMl(stream(body)), what).rejects.toMatchObject({ code });
    }
    expect(await t.snapshot()).toEqual(before);
    expect(await t.count('catalog_staged_products')).toBe(0);
  });

  it('a file that breaks after whole batches were staged still changes nothing', async () => {
    const t = await setup();
    const products = Array.from({ length: 120 }, (_, i) => `<Товар><Ид>p-${i}</Ид><Наименование>Товар ${i}</Наименование></Товар>`).join('');
    const broken = `${head()}<Каталог><Товары>${products}<Товар><Ид>x</Ид></Товары></Каталог></КоммерческаяИнформация>`;
    await expect(t.catalog.importCommerceMl(Readable.from(broken.match(/[\s\S]{1,500}/g)!.map((c) => Buffer.from(c))), { batchSize: 10 }))
      .rejects.toMatchObject({ code: 'VITRINA_ERR_IMPORT_MALFORMED' });
    expect(await t.count('products')).toBe(0);
    expect(await t.count('catalog_staged_products')).toBe(0);

    // The same with a byte that is not UTF-8 deep inside the file.
    const good = Buffer.from(`${head()}<Каталог><Товары>${products}`);
    const badByte = Buffer.concat([good, Buffer.from([0xc3, 0x28]), Buffer.from('</Товары></Каталог></КоммерческаяИнформация>')]);
    await expect(t.catalog.importCommerceMl(Readable.from([good.subarray(0, 3000), badByte.subarray(3000)]), { batchSize: 10 }))
      .rejects.toMatchObject({ code: 'VITRINA_ERR_IMPORT_ENCODING' });
    expect(await t.count('products')).toBe(0);
  });

  it('drops rows a stopped import left in staging when the next import starts', async () => {
    const t = await setup();
    await t.services.db.run("INSERT INTO catalog_staged_products (import_id, product_id, name, active, restricted) VALUES ('crashed', 'p-x', 'X', 1, 0)");
    await t.catalog.importCommerceMl(stream(IMPORT_XML));
    expect(await t.count('catalog_staged_products')).toBe(0);
    await expect(t.catalog.get('p-x')).rejects.toMatchObject({ code: 'VITRINA_ERR_NOT_FOUND' });
  });
});
