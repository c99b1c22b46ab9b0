import { describe, expect, it } from 'vitest';
import { composeServices } from '../../compose.js';
import { build } from '../../test-support/build.js';

describe('the catalogue decides restriction when products are written', () => {
  it('stores the flag from explicit data, else from the category, on insertMany', async () => {
    const t = await build();
    const { catalog, db } = t.services;
    await db.transaction((tx) => catalog.insertMany(tx, [
      { id: 'p-ale', name: 'IPA 6-pack', department: 'Grocery', category: 'Beers/Ales', brand: null, priceMinor: 999 },
      { id: 'p-kale', name: 'Kale', department: 'Produce', category: 'Kale', brand: null, priceMinor: 299 },
      { id: 'p-lottery', name: 'Scratch card', department: 'Service', category: 'Tickets', brand: null, priceMinor: 200, restricted: true },
      { id: 'p-beer-false', name: 'Lager', department: 'Grocery', category: 'Beers/Ales', brand: null, priceMinor: 899, restricted: false },
    ]));
    const shown = await catalog.forDisplay(['p-ale', 'p-kale', 'p-lottery', 'p-beer-false']);
    expect(Object.fromEntries([...shown].map(([id, p]) => [id, p.restricted]))).toEqual({ 'p-ale': 1, 'p-kale': 0, 'p-lottery': 1, 'p-beer-false': 1 });
    const info = await catalog.products(db, ['p-ale', 'p-kale']);
    expect(info.get('p-ale')?.restricted).toBe(1);
    expect(info.get('p-kale')?.restricted).toBe(0);
  });

  it('a deactivated product is shown on no screen but still named and priced for receipts', async () => {
    const t = await build();
    const { catalog, db } = t.services;
    await db.transaction((tx) => catalog.insertMany(tx, [{ id: 'p-old', name: 'Old soap', department: 'Household', category: 'Soap', brand: null, priceMinor: 150 }]));
    await catalog.update('p-old', { shortName: 'Soap' });
    expect((await catalog.forDisplay(['p-old'])).get('p-old')?.name).toBe('Soap');
    await catalog.deactivate('p-old');
    expect((await catalog.forDisplay(['p-old'])).has('p-old')).toBe(false);
    expect((await catalog.names(['p-old'])).get('p-old')).toBe('Old soap');
    expect((await catalog.products(db, ['p-old'])).get('p-old')?.price_minor).toBe(150);
  });

  it('reclassifies products stored before (a store seeded with the old word match) at boot, and never clears a flag', async () => {
    const t = await build();
    const { catalog, db } = t.services;
    // Rows as an older server wrote them: restricted = 0 for everything but an explicit flag.
    await db.transaction(async (tx) => {
      for (const [id, department, category, restricted] of [
        ['p-ale', 'Grocery', 'Beers/Ales', 0], ['p-cig', 'Drug Gm', 'Cigarettes', 0], ['p-wine', 'Grocery', 'Domestic Wine', 0],
        ['p-kale', 'Produce', 'Kale', 0], ['p-diet', 'Grocery', 'Restricted Diet', 0], ['p-flagged', 'Service', 'Tickets', 1],
      ] as const) {
        await tx.run('INSERT INTO products (id, name, department, category, brand, price_minor, restricted) VALUES (?, ?, ?, ?, NULL, 100, ?)', [id, id, department, category, restricted]);
      }
    });
    // A server booting on that database reclassifies them (compose.ts).
    const booted = await composeServices({ config: t.services.config, secret: t.secret, log: t.services.log, background: false });
    await booted.close();
    const flags = await db.all<{ id: string; restricted: number }>('SELECT id, restricted FROM products ORDER BY id');
    expect(Object.fromEntries(flags.map((r) => [r.id, r.restricted]))).toEqual({ 'p-ale': 1, 'p-cig': 1, 'p-wine': 1, 'p-kale': 0, 'p-diet': 0, 'p-flagged': 1 });
    expect(await catalog.reclassifyRestricted()).toBe(0);
  });
});
