/**
 * Writes a CommerceML 2.08 import.xml and offers.xml of `products` products (a three-level
 * group tree, a brand property, barcodes with valid check digits, VAT, requisites, two price
 * types, every tenth offer a characteristic) into `dir`, streaming, for the import bench and
 * for trying `npm run import -- catalog` on a big file. Deterministic for a given count.
 *
 *   tsx edge-server/bench/commerceml-fixture.ts <dir> [products]
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<КоммерческаяИнформация xmlns="urn:1C.ru:commerceml_2" ВерсияСхемы="2.08" ДатаФормирования="2026-11-29T10:00:00">\n';
const DEPARTMENTS = ['Молочные продукты', 'Бакалея', 'Напитки', 'Алкоголь', 'Бытовая химия', 'Овощи и фрукты', 'Мясо', 'Заморозка'];

function ean13(n: number) {
  const body = `46${String(n).padStart(10, '0')}`;
  let sum = 0;
  [...body].reverse().forEach((d, i) => { sum += Number(d) * (i % 2 === 0 ? 3 : 1); });
  return body + ((10 - (sum % 10)) % 10);
}

const guid = (kind: number, n: number) => `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

async function writeFile(path: string, parts: Iterable<string>) {
  const out = createWriteStream(path);
  for (const p of parts) if (!out.write(p)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/** A department with 5 sub-groups of 5 leaves each (200 leaf groups in all). */
function groupTree(di: number) {
  const d = DEPARTMENTS[di]!;
  let xml = `<Группа><Ид>${guid(1, di)}</Ид><Наименование>${d}</Наименование><Группы>`;
  for (let s = 0; s < 5; s++) {
    xml += `<Группа><Ид>${guid(2, di * 5 + s)}</Ид><Наименование>${d} ${s + 1}</Наименование><Группы>`;
    for (let l = 0; l < 5; l++) xml += `<Группа><Ид>${guid(3, (di * 5 + s) * 5 + l)}</Ид><Наименование>${d} ${s + 1}.${l + 1}</Наименование></Группа>`;
    xml += '</Группы></Группа>';
  }
  return `${xml}</Группы></Группа>\n`;
}

function leafOf(i: number) {
  return i % (DEPARTMENTS.length * 25);
}

function* importXml(products: number) {
  yield HEAD;
  yield '<Классификатор><Ид>cls</Ид><Наименование>Основной</Наименование><Группы>\n';
  for (let di = 0; di < DEPARTMENTS.length; di++) yield groupTree(di);
  yield '</Группы><Свойства><Свойство><Ид>prop-brand</Ид><Наименование>Бренд</Наименование><ТипЗначений>Справочник</ТипЗначений><ВариантыЗначений>';
  for (let b = 0; b < 50; b++) yield `<Справочник><ИдЗначения>brand-${b}</ИдЗначения><Значение>Бренд ${b}</Значение></Справочник>`;
  yield '</ВариантыЗначений></Свойство></Свойства></Классификатор>\n<Каталог СодержитТолькоИзменения="false"><Ид>cat</Ид><ИдКлассификатора>cls</ИдКлассификатора><Наименование>Основной</Наименование><Товары>\n';
  let chunk = '';
  for (let i = 0; i < products; i++) {
    const alcohol = Math.floor(leafOf(i) / 25) === 3;
    chunk += `<Товар><Ид>${guid(9, i)}</Ид><Штрихкод>${ean13(i)}</Штрихкод><Артикул>ART-${i}</Артикул><Наименование>Товар номер ${i} 1 шт</Наименование>`
      + `<БазоваяЕдиница Код="796" НаименованиеПолное="Штука" МеждународноеСокращение="PCE">шт</БазоваяЕдиница><Группы><Ид>${guid(3, leafOf(i))}</Ид></Группы>`
      + `<Описание>Описание товара ${i}</Описание><ЗначенияСвойств><ЗначенияСвойства><Ид>prop-brand</Ид><Значение>brand-${i % 50}</Значение></ЗначенияСвойства></ЗначенияСвойств>`
      + `<СтавкиНалогов><СтавкаНалога><Наименование>НДС</Наименование><Ставка>${i % 3 === 0 ? 10 : 20}</Ставка></СтавкаНалога></СтавкиНалогов>`
      + `<ЗначенияРеквизитов><ЗначениеРеквизита><Наименование>ВидНоменклатуры</Наименование><Значение>${alcohol ? 'Алкогольная продукция' : 'Товар'}</Значение></ЗначениеРеквизита>`
      + `<ЗначениеРеквизита><Наименование>Полное наименование</Наименование><Значение>Товар номер ${i}, полное наименование</Значение></ЗначениеРеквизита></ЗначенияРеквизитов>`
      + `<Картинка>import_files/${i % 100}/${i}.jpg</Картинка></Товар>\n`;
    if (chunk.length > 256 * 1024) { yield chunk; chunk = ''; }
  }
  yield `${chunk}</Товары></Каталог>\n</КоммерческаяИнформация>\n`;
}

function* offersXml(products: number) {
  yield HEAD;
  yield '<ПакетПредложений СодержитТолькоИзменения="false"><Ид>cat#</Ид><Наименование>Пакет</Наименование><ИдКаталога>cat</ИдКаталога><ИдКлассификатора>cls</ИдКлассификатора><ТипыЦен>'
    + '<ТипЦены><Ид>pt-retail</Ид><Наименование>Розничная</Наименование><Валюта>RUB</Валюта></ТипЦены><ТипЦены><Ид>pt-opt</Ид><Наименование>Оптовая</Наименование><Валюта>RUB</Валюта></ТипЦены>'
    + '</ТипыЦен><Предложения>\n';
  let chunk = '';
  for (let i = 0; i < products; i++) {
    const id = i % 10 === 9 ? `${guid(9, i)}#${guid(7, i)}` : guid(9, i);
    const rub = 50 + (i % 2000);
    chunk += `<Предложение><Ид>${id}</Ид><Наименование>Товар номер ${i} 1 шт</Наименование><Цены>`
      + `<Цена><Представление>${rub},90 RUB за шт</Представление><ИдТипаЦены>pt-retail</ИдТипаЦены><ЦенаЗаЕдиницу>${rub}.90</ЦенаЗаЕдиницу><Валюта>RUB</Валюта><Единица>шт</Единица><Коэффициент>1</Коэффициент></Цена>`
      + `<Цена><ИдТипаЦены>pt-opt</ИдТипаЦены><ЦенаЗаЕдиницу>${rub - 10}.00</ЦенаЗаЕдиницу><Валюта>RUB</Валюта></Цена></Цены><Количество>${i % 37}</Количество></Предложение>\n`;
    if (chunk.length > 256 * 1024) { yield chunk; chunk = ''; }
  }
  yield `${chunk}</Предложения></ПакетПредложений>\n</КоммерческаяИнформация>\n`;
}

/** Writes both files; returns their paths. */
export async function writeCommerceMlFixture(dir: string, products: number) {
  const files = { importXml: join(dir, 'import.xml'), offersXml: join(dir, 'offers.xml') };
  await writeFile(files.importXml, importXml(products));
  await writeFile(files.offersXml, offersXml(products));
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, n] = process.argv.slice(2);
  if (!dir) { process.stderr.write('usage: tsx edge-server/bench/commerceml-fixture.ts <dir> [products]\n'); process.exit(2); }
  process.stdout.write(`${JSON.stringify(await writeCommerceMlFixture(dir, Number(n ?? 100_000)))}\n`);
}
