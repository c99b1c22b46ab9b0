/**
 * What the server's writer and main thread did in each scenario of a traced busy-store run
 * (`bench/busy-store.ts --server-trace <dir>`): per lane, how long writes waited for the writer
 * and how long they held it (and the writer's busy share of the window); the import's chunks
 * (lines, write time); the tills' receipts (time in the server; the slowest 2 %'s read ahead,
 * writer wait and transaction); the three longest writes and their callers; the event-loop delay per second. One JSON line per window.
 *
 *   npx tsx edge-server/bench/import-trace-summary.ts <dir>
 */
import { readFileSync } from 'node:fs';
import { emit, percentiles } from './report.js';

interface Rec { t: number; k: 'write' | 'chunk' | 'loop' | 'receipt' | 'till-http'; ms?: number; readMs?: number; writerWaitMs?: number; txMs?: number; lane?: string; waitedMs?: number; ranMs?: number; caller?: string; lines?: number; receipts?: number; writeMs?: number; p99Ms?: number; maxMs?: number }
const dir = process.argv[2]!;
const lines = (f: string) => readFileSync(`${dir}/${f}`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown);
const records = lines('server-trace.jsonl') as Rec[];
const windows = lines('windows.jsonl') as Array<{ scenario: string; from: number; to: number }>;
const round = (x: number) => Math.round(x * 100) / 100;

for (const w of windows) {
  const inside = records.filter((r) => r.t >= w.from && r.t <= w.to);
  const seconds = (w.to - w.from) / 1000;
  const lanes: Record<string, unknown> = {};
  for (const lane of ['interactive', 'bulk']) {
    const writes = inside.filter((r) => r.k === 'write' && r.lane === lane);
    const held = writes.reduce((s, r) => s + r.ranMs!, 0);
    lanes[lane] = { writes: writes.length, waited: percentiles(writes.map((r) => r.waitedMs!)), held: percentiles(writes.map((r) => r.ranMs!)), writer_busy_share: round(held / 1000 / seconds) };
  }
  const chunks = inside.filter((r) => r.k === 'chunk');
  const loop = inside.filter((r) => r.k === 'loop');
  const receipts = inside.filter((r) => r.k === 'receipt');
  const slowest = [...receipts].sort((a, b) => b.readMs! + b.writerWaitMs! + b.txMs! - (a.readMs! + a.writerWaitMs! + a.txMs!)).slice(0, Math.max(1, Math.ceil(receipts.length / 50)));
  const mean = (xs: number[]) => (xs.length ? round(xs.reduce((s, x) => s + x, 0) / xs.length) : null);
  emit({
    window: w.scenario, seconds: round(seconds), ...lanes,
    chunks: chunks.length, chunk_lines: percentiles(chunks.map((c) => c.lines!)), chunk_write: percentiles(chunks.map((c) => c.writeMs!)),
    till_in_server: percentiles(inside.filter((r) => r.k === 'till-http').map((r) => r.ms!)),
    // The slowest 2 % of receipts: where their time went (read ahead, waiting for the writer, transaction).
    till_slowest_2pct_mean: { read_ms: mean(slowest.map((r) => r.readMs!)), writer_wait_ms: mean(slowest.map((r) => r.writerWaitMs!)), tx_ms: mean(slowest.map((r) => r.txMs!)) },
    // The three writes that held the writer longest, and where they came from.
    longest_writes: inside.filter((r) => r.k === 'write').sort((a, b) => b.ranMs! - a.ranMs!).slice(0, 3)
      .map((r) => ({ lane: r.lane, held_ms: round(r.ranMs!), waited_ms: round(r.waitedMs!), caller: r.caller })),
    loop_delay_p99_per_s: percentiles(loop.map((l) => l.p99Ms!)), loop_delay_max_ms: loop.length ? round(Math.max(...loop.map((l) => l.maxMs!))) : null,
  });
}
