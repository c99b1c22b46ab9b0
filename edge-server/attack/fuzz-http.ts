/**
 * Probe `fuzz-http`: every operation of the OpenAPI document, called by every identity with
 * inputs broken in every way generate.ts knows. Asserts: no 5xx, every 4xx carries a
 * VITRINA_ERR_* code, no identity gets a 2xx from a route above its role, the server survives.
 */
import { alive, report, startStore } from './harness.js';
import { identities } from './identities.js';
import { mayCall, type Identity } from './authorization.js';
import { BAD_PARAMS, HUGE, RAW_BODIES, badBodies, sample, type JsonSchema } from './generate.js';

/** Calls that would end the fuzzer's own sessions (it needs them to keep reaching deep code). */
const SELF_DESTRUCTIVE = [/^POST \/api\/v1\/auth\/(logout|password)$/, /^(PATCH|POST) \/api\/v1\/staff\/\{id\}/];

const store = await startStore({ LOG_LEVEL: 'warn' });
const who = await identities(store);
const doc = (await (await fetch(`${store.url}/api/docs/json`)).json()) as { paths: Record<string, Record<string, JsonSchema>> };

interface Call { identity: Identity; method: string; path: string; url: string; contentType?: string; body?: string }
const calls: Call[] = [];
let operations = 0;

for (const [path, ops] of Object.entries(doc.paths)) {
  for (const [m, op] of Object.entries(ops)) {
    const method = m.toUpperCase();
    operations++;
    const params = (op.parameters ?? []) as Array<{ in: string; name: string; schema: JsonSchema }>;
    const fill = (over: Record<string, string> = {}) =>
      path.replace(/\{(\w+)\}/g, (_, n: string) => over[n] ?? encodeURIComponent(String(sample(params.find((p) => p.name === n)?.schema))));
    const query = (name?: string, value?: string) => {
      const q = params.filter((p) => p.in === 'query').map((p) => `${p.name}=${p.name === name ? value : encodeURIComponent(String(sample(p.schema)))}`);
      return q.length ? `?${q.join('&')}` : '';
    };
    const schema = op.requestBody?.content?.['application/json']?.schema;
    const contentType = Object.keys(op.requestBody?.content ?? {})[0];
    const baseBody = op.requestBody ? JSON.stringify(sample(schema)) : undefined;
    const destructive = SELF_DESTRUCTIVE.some((r) => r.test(`${method} ${path}`));

    // The authorization matrix: a plausible request from every identity.
    for (const identity of Object.keys(who) as Identity[]) {
      if (destructive && identity !== 'anonymous') continue;
      calls.push({ identity, method, path, url: fill() + query(), contentType, body: baseBody });
    }
    // Broken inputs, from the identity that reaches deepest (admin) and from a device token.
    for (const identity of ['admin', 'kiosk'] as const) {
      if (destructive && identity === 'admin') continue;
      for (const p of params.filter((x) => x.in === 'path')) for (const v of BAD_PARAMS) calls.push({ identity, method, path, url: fill({ [p.name]: v }) + query(), contentType, body: baseBody });
      for (const p of params.filter((x) => x.in === 'query')) for (const v of BAD_PARAMS) calls.push({ identity, method, path, url: fill() + query(p.name, v) });
      if (!op.requestBody || identity === 'kiosk') continue;
      if (contentType === 'application/json') {
        for (const b of badBodies(schema)) calls.push({ identity, method, path, url: fill() + query(), contentType, body: JSON.stringify(b) });
        for (const raw of RAW_BODIES) calls.push({ identity, method, path, url: fill() + query(), contentType, body: raw });
      } else {
        // Non-JSON uploads (CSV, XML): hostile text in the declared type.
        for (const raw of ['receipt_id\n\u0000,,,', '"unterminated,quote\n', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaa">]><x>&a;</x>', 'a'.repeat(100_000)]) {
          calls.push({ identity, method, path, url: fill() + query(), contentType, body: raw });
        }
      }
      for (const ct of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        calls.push({ identity, method, path, url: fill() + query(), contentType: ct, body: baseBody ?? 'a=1' });
      }
    }
  }
}

let fiveXx = 0, uncoded = 0, violations = 0, sent = 0, networkErrors = 0, oversizeResets = 0;
// A few examples of each kind of failure, to start debugging from.
const ok2xx: Record<Identity, number> = { anonymous: 0, kiosk: 0, staff: 0, marketer: 0, admin: 0 };
const samples: string[] = [];
const perKind = new Map<string, number>();
const note = (s: string) => {
  const kind = s.split(' ').slice(0, 4).join(' ');
  if ((perKind.get(kind) ?? 0) >= 1 || samples.length >= 30) return;
  perKind.set(kind, 1);
  samples.push(s);
};

async function send(c: Call) {
  const headers: Record<string, string> = {};
  const token = who[c.identity];
  if (token) headers.authorization = `Bearer ${token}`;
  if (c.body !== undefined && c.contentType) headers['content-type'] = c.contentType;
  let status: number, text: string;
  try {
    const res = await fetch(`${store.url}${c.url}`, { method: c.method, headers, body: c.method === 'GET' ? undefined : c.body });
    status = res.status;
    text = await res.text();
  } catch (err) {
    // Over the body limit the server answers 413 and closes the socket before reading the rest,
    // which a client still writing sees as a reset: expected, not a failure.
    if ((c.body?.length ?? 0) >= HUGE.length) { oversizeResets++; return; }
    networkErrors++;
    note(`${c.identity} ${c.method} ${c.url.slice(0, 80)}: ${(err as Error).message}`);
    return;
  }
  sent++;
  if (status < 300) ok2xx[c.identity]++;
  const where = `${c.identity} ${c.method} ${c.url.slice(0, 80)} ${String(c.body).slice(0, 60)}`;
  if (status >= 500) { fiveXx++; note(`${status} ${where} → ${text.slice(0, 120)}`); }
  else if (status >= 400 && !/"code":"VITRINA_ERR_[A-Z_]+"/.test(text)) { uncoded++; note(`uncoded ${status} ${where} → ${text.slice(0, 120)}`); }
  else if (status < 300 && !mayCall(c.identity, c.method, c.path)) { violations++; note(`authz ${status} ${where}`); }
}

const started = Date.now();
const queue = [...calls];
await Promise.all(Array.from({ length: 8 }, async () => { for (let c = queue.shift(); c; c = queue.shift()) await send(c); }));
const health = await fetch(`${store.url}/api/health`).then((r) => r.status, () => 0);
const survived = alive(store.server) && health === 200;
await store.close();

report('fuzz-http', fiveXx === 0 && uncoded === 0 && violations === 0 && networkErrors === 0 && survived, {
  operations, requests: sent, seconds: Math.round((Date.now() - started) / 1000), responses_5xx: fiveXx, uncoded_4xx: uncoded,
  authorization_violations: violations, answered_2xx_by_identity: ok2xx, network_errors: networkErrors, oversize_body_resets: oversizeResets, server_alive: survived, samples,
});
