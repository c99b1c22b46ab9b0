/**
 * A small bad-input generator driven by JSON schemas (the OpenAPI document's and the socket
 * contracts'): one plausible value per schema, then that value broken in every way a hostile or
 * buggy client would break it.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON Schema off the wire, walked key by key
type Schema = Record<string, any>;
export type JsonSchema = Schema;

/** Values a field should never accept silently: wrong types, extremes, injection and encoding tricks, impossible dates. */
export const HOSTILE: unknown[] = [
  null, true, 0, -1, 1.5, 1e308, Number.MIN_SAFE_INTEGER - 1, 'NaN', '', ' ',
  'x'.repeat(10_000),
  '<script>alert(1)</script>', "'; DROP TABLE customers; --", '../../etc/passwd', '${7*7}{{7*7}}',
  'Витрина 𝕍 \u202e\u200b👩‍👩‍👧', 'a\u0000b', '\ud800',
  '2026-02-31', '9999-99-99', '0001-01-01T00:00:00Z', '2026-13-01T25:61:61Z', '275760-09-13T00:00:00.001Z',
  [], [[[[[]]]]], {}, { __proto__: { polluted: true } }, JSON.parse('{"__proto__":{"polluted":true}}'), { constructor: { prototype: { polluted: true } } },
];

/** One megabyte: bigger than any field allows, near the body limit. */
export const HUGE = 'A'.repeat(1024 * 1024);

/** A value that satisfies the schema's shape as far as a generator cheaply can. */
export function sample(s: Schema | undefined): unknown {
  if (!s) return {};
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return sample(alt[0]);
  if (s.allOf) return Object.assign({}, ...s.allOf.map((x: Schema) => sample(x)));
  switch (Array.isArray(s.type) ? s.type[0] : s.type) {
    case 'string':
      if (s.format === 'date-time') return '2026-01-15T10:00:00.000Z';
      if (s.format === 'date' || /\\d\{4\}-/.test(s.pattern ?? '')) return '2026-01-15';
      if (/0-9\]\{13\}|\^\[0-9\]\+\$|\\d/.test(s.pattern ?? '')) return '1'.repeat(Math.max(s.minLength ?? 1, 13));
      return 'attack-1'.padEnd(s.minLength ?? 1, 'x').slice(0, s.maxLength ?? 64);
    case 'integer': case 'number': return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    case 'boolean': return false;
    case 'null': return null;
    case 'array': return s.minItems ? Array.from({ length: s.minItems }, () => sample(s.items)) : [];
    default: {
      const out: Record<string, unknown> = {};
      for (const k of s.required ?? []) out[k] = sample(s.properties?.[k]);
      return out;
    }
  }
}

/** The object schema of a body (the first branch of a union). */
const objectOf = (s: Schema | undefined): Schema | undefined => (s?.anyOf ?? s?.oneOf)?.[0] ?? s;

/** Broken variants of a JSON body: missing fields, wrong types in every field, extra and prototype keys, a 1 MB field. */
export function badBodies(schema: Schema | undefined): unknown[] {
  const base = sample(schema);
  const out: unknown[] = [null, [], 'x', 42, {}, HUGE];
  const obj = objectOf(schema);
  if (!obj || typeof base !== 'object' || base === null || Array.isArray(base)) return [...out, ...HOSTILE];
  const props = Object.keys(obj.properties ?? {});
  for (const k of obj.required ?? []) { const b = { ...base } as Record<string, unknown>; delete b[k]; out.push(b); }
  props.forEach((k, i) => {
    for (const v of HOSTILE) out.push({ ...base, [k]: v });
    if (i === 0) out.push({ ...base, [k]: HUGE });
    // Nested objects and arrays of objects: break their first field too.
    const inner = objectOf(obj.properties[k]?.items ?? obj.properties[k]);
    const innerKey = Object.keys(inner?.properties ?? {})[0];
    if (innerKey) for (const v of HOSTILE.slice(0, 12)) {
      const innerBase = sample(inner) as Record<string, unknown>;
      const value = { ...innerBase, [innerKey]: v };
      out.push({ ...base, [k]: obj.properties[k].type === 'array' ? [value] : value });
    }
  });
  out.push({ ...base, unexpectedExtra: 1 }, JSON.parse(`{"__proto__":{"isAdmin":true}${Object.keys(base).length ? ',' : ''}${JSON.stringify(base).slice(1)}`));
  return out;
}

/** Raw bodies that are not JSON at all, or JSON whose keys attack the parser. */
export const RAW_BODIES = ['{"a":', 'not json', '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', '1e999', '[' .repeat(5000), '\u0000'];

/** Bad values for a path or query parameter (already URL-encoded where needed). */
export const BAD_PARAMS = ['__proto__', 'constructor', '..%2F..%2Fetc%2Fpasswd', '%00', 'x'.repeat(2000), '%3Cscript%3E', '-1', '1e308', '2026-02-31', '9999-99-99', '%F0%9F%92%A9', "'%20OR%201%3D1--"];
