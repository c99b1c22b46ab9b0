/**
 * Probe `privacy`: what a screen in the aisle, the logs and the disk give away. 100 demo cards are
 * scanned at the demo kiosk while every demo screen listens; every `signage:*` and `device:hello`
 * payload is kept. Asserts: no signage payload holds the shopper's first name, card number or its
 * last 4, points balance, or any restricted product (by id or by a name only restricted products
 * carry; restricted offers the kiosk itself showed are counted for context);
 * the server's stdout/stderr holds no admin password, device token or card number; the data dir
 * is 0700 and every file in it 0600.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import type { KioskSession } from '@vitrina/contracts';
import { encodeHidPosReports } from '../src/platform/scanner/index.js';
import { demoCardNumber } from '../src/usecases/demo-store/cards.js';
import { connectDevice } from '../src/test-support/sockets.js';
import { report, sleep, startStore, withDb } from './harness.js';

const SCANS = 100;
const kioskId = 'kiosk-entrance';
const store = await startStore({
  SCANNERS: JSON.stringify([{ kioskId, path: `sim:${kioskId}`, layout: 'hid-pos' }]),
  SCAN_RATE_PER_KIOSK: '1000',
  TAKEOVER_MS: '1000',
  LOG_LEVEL: 'debug', // the chattiest the logs get: nothing secret may show even then
});
const restricted = await withDb(store.dataDir, (db) => db.all<{ id: string; name: string }>('SELECT id, name FROM products WHERE restricted = 1'));
const plainNames = new Set((await withDb(store.dataDir, (db) => db.all<{ name: string }>('SELECT name FROM products WHERE restricted = 0'))).map((r) => r.name));
const restrictedIds = new Set(restricted.map((r) => r.id));
const restrictedOnlyNames = new Set(restricted.map((r) => r.name).filter((n) => !plainNames.has(n)));

const kioskToken = store.demo.devices.find((d) => d.id === kioskId)!.token;
const kiosk = await connectDevice(store.url, '/kiosk', kioskToken);
const sessions: KioskSession[] = [];
kiosk.on('kiosk:session', (s: KioskSession) => sessions.push(s));
const screens: Socket[] = [];
const signage: Array<{ event: string; payload: unknown }> = [];
for (const d of store.demo.devices.filter((x) => x.kind === 'screen')) {
  const s = await connectDevice(store.url, '/signage', d.token);
  s.onAny((event: string, payload: unknown) => signage.push({ event, payload }));
  screens.push(s);
}

const cards: string[] = [];
for (let i = 0; i < SCANS; i++) {
  const card = demoCardNumber(i * 7);
  cards.push(card);
  const reports = encodeHidPosReports(card, ']E0').map((r) => [...r]);
  await fetch(`${store.url}/api/v1/dev/scanners/${kioskId}/reports`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${kioskToken}` }, body: JSON.stringify({ reports }) });
  await sleep(60);
}
await sleep(1500);
for (const s of [kiosk, ...screens]) s.close();

// Every string and number inside the signage payloads, and every key.
const strings = new Set<string>(), numbers = new Set<number>(), keys = new Set<string>();
const walk = (v: unknown): void => {
  if (typeof v === 'string') strings.add(v);
  else if (typeof v === 'number') numbers.add(v);
  else if (Array.isArray(v)) v.forEach(walk);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { keys.add(k); walk(x); }
};
signage.forEach((s) => walk(s.payload));
const text = JSON.stringify(signage);
const leaks = {
  first_names: [...new Set(sessions.map((s) => s.greetingName).filter((n): n is string => !!n && n.length > 1 && text.includes(n)))].length,
  card_numbers: cards.filter((c) => text.includes(c)).length,
  card_last4: sessions.filter((s) => strings.has(s.cardLast4) || text.includes(`"${s.cardLast4}"`)).length,
  shopper_keys: [...keys].filter((k) => /balance|points|greeting|firstName|card|customer|tier|phone/i.test(k)),
  restricted_products: [...strings].filter((s) => restrictedIds.has(s) || restrictedOnlyNames.has(s)).length,
};
const restrictedOnKiosk = sessions.reduce((n, s) => n + s.offers.filter((o) => restrictedIds.has(o.productId)).length, 0);

// Secrets in the logs.
const log = store.output();
const secrets = [store.demo.admin.password, ...store.demo.devices.map((d) => d.token), ...cards];
const secretsInLogs = secrets.filter((s) => log.includes(s)).length;

// File modes: the folder 0700, every file under it 0600 (sub-folders 0700).
const badModes: string[] = [];
const check = (p: string) => {
  const st = statSync(p);
  const mode = st.mode & 0o777;
  if (st.isDirectory()) { if (mode & 0o077) badModes.push(`${p} ${mode.toString(8)}`); for (const f of readdirSync(p)) check(join(p, f)); }
  else if (mode & 0o177) badModes.push(`${p} ${mode.toString(8)}`);
};
check(store.dataDir);
await store.close();

const takeovers = signage.filter((s) => s.event === 'signage:takeover').length;
const ok = takeovers > 0 && leaks.first_names === 0 && leaks.card_numbers === 0 && leaks.card_last4 === 0 && leaks.shopper_keys.length === 0
  && leaks.restricted_products === 0 && secretsInLogs === 0 && badModes.length === 0;
report('privacy', ok, {
  scans: SCANS, kiosk_sessions: sessions.length, signage_payloads: signage.length, takeovers, restricted_products_in_store: restricted.length,
  restricted_offers_on_kiosk: restrictedOnKiosk, leaks_on_signage: leaks, log_bytes: log.length, secrets_in_logs: secretsInLogs, files_with_loose_modes: badModes,
});
