/** Bench output: one JSON object per line, machine-readable. */
export function emit(record: Record<string, unknown>) {
  process.stdout.write(`${JSON.stringify(record)}\n`);
}

export function percentiles(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  const at = (q: number) => (s.length ? Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))]! * 100) / 100 : null);
  return { p50_ms: at(0.5), p95_ms: at(0.95), p99_ms: at(0.99), max_ms: s.length ? Math.round(s[s.length - 1]! * 100) / 100 : null };
}
