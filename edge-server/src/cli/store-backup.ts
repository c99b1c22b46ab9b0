/**
 * Backup and restore of a store's data folder (what `npm run backup` and `npm run restore` do).
 *
 * A backup is one folder, owner-only (0700, files 0600): it holds every shopper's personal data
 * and the install's HMAC secret.
 *
 *   vitrina.sqlite   a consistent online snapshot (VACUUM INTO), one self-contained file
 *   secret           DATA_DIR/secret: without it no stored card is recognized again
 *   demo.json        only on a demo store (its admin password and device links)
 *   manifest.json    when, from where, size and SHA-256 of each file, the integrity check
 *
 * Restore never copies over a live file: it refuses while a server holds the database open,
 * checks the backup on a staged copy first, then moves the old database with its -wal and -shm
 * (and the secret and demo.json it replaces) into DATA_DIR/replaced-<stamp>/, names intact so
 * that set still opens, and renames the checked copy into place. A stale -wal can therefore
 * never be replayed onto the restored file.
 */
import { chmodSync, chownSync, copyFileSync, createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { checkDatabaseFile, databaseInUse, schemaVersionOf, SIDE_FILE_SUFFIXES, snapshotDatabase, syncPath, type DatabaseCheck } from '../platform/db/backup.js';

export const DB_FILE = 'vitrina.sqlite';
export const MANIFEST_FILE = 'manifest.json';
/** The files beside the database that belong with it. */
const SECRET_FILE = 'secret';
const DEMO_FILE = 'demo.json';
const FORMAT = 'vitrina-backup/1';

/** Refused before anything in the data folder was changed (or after it was put back). */
export class RestoreRefused extends Error {}

export interface FileEntry { name: string; bytes: number; sha256: string }

export interface Manifest {
  format: typeof FORMAT;
  createdAt: string;
  sourceDataDir: string;
  /** 'file': DATA_DIR/secret is in the backup; 'env': the server uses VITRINA_SECRET, kept elsewhere; 'none': no secret found. */
  secret: 'file' | 'env' | 'none';
  integrityCheck: 'ok';
  files: FileEntry[];
}

export interface BackupReport { dest: string; manifest: Manifest; ms: number; snapshotMs: number; warnings: string[] }

const sha256Of = (file: string) => new Promise<string>((res, rej) => {
  const hash = createHash('sha256');
  createReadStream(file).on('data', (c) => hash.update(c)).on('error', rej).on('end', () => res(hash.digest('hex')));
});

async function entryOf(dir: string, name: string): Promise<FileEntry> {
  const file = join(dir, name);
  return { name, bytes: statSync(file).size, sha256: await sha256Of(file) };
}

/** 20260610T150000Z: sorts by time, safe in a file name. */
export function stampOf(date: Date) {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

function copyPrivate(from: string, to: string) {
  copyFileSync(from, to);
  chmodSync(to, 0o600);
  syncPath(to);
}

/**
 * Writes one backup of `dataDir` into `dest` (created 0700; it must not exist or be empty),
 * while the server keeps running. On failure `dest` is removed again if this call created it.
 */
export async function backupStore(opts: { dataDir: string; dest: string; secretFromEnv?: boolean; now?: () => Date }): Promise<BackupReport> {
  const started = performance.now();
  const dataDir = resolve(opts.dataDir);
  const dest = resolve(opts.dest);
  const source = join(dataDir, DB_FILE);
  if (!existsSync(source)) throw new Error(`no database at ${source}`);
  if (existsSync(dest) && readdirSync(dest).length > 0) throw new Error(`${dest} is not empty; a backup goes into a new folder`);
  const created = !existsSync(dest);
  mkdirSync(dest, { recursive: true, mode: 0o700 });
  chmodSync(dest, 0o700);
  const warnings: string[] = [];
  try {
    const partial = join(dest, `${DB_FILE}.partial`);
    // The snapshot is the state as of the moment its read transaction starts.
    const takenAt = opts.now?.() ?? new Date();
    const t0 = performance.now();
    await snapshotDatabase(source, partial);
    const snapshotMs = performance.now() - t0;
    chmodSync(partial, 0o600);
    const check = await checkDatabaseFile(partial);
    if (!check.ok) throw new Error(`the snapshot failed its integrity check: ${describeCheck(check)}`);
    renameSync(partial, join(dest, DB_FILE));

    const names = [DB_FILE];
    let secret: Manifest['secret'] = 'none';
    if (existsSync(join(dataDir, SECRET_FILE))) {
      copyPrivate(join(dataDir, SECRET_FILE), join(dest, SECRET_FILE));
      names.push(SECRET_FILE);
      secret = 'file';
    } else if (opts.secretFromEnv) {
      secret = 'env';
      warnings.push('the secret comes from VITRINA_SECRET and is not in this backup: keep /etc/vitrina/edge.env (or that value) with it');
    } else {
      warnings.push(`no ${SECRET_FILE} in ${dataDir}: without the install secret no stored card is recognized after a restore`);
    }
    if (existsSync(join(dataDir, DEMO_FILE))) {
      copyPrivate(join(dataDir, DEMO_FILE), join(dest, DEMO_FILE));
      names.push(DEMO_FILE);
    }
    const manifest: Manifest = {
      format: FORMAT,
      createdAt: takenAt.toISOString(),
      sourceDataDir: dataDir,
      secret,
      integrityCheck: 'ok',
      files: await Promise.all(names.map((n) => entryOf(dest, n))),
    };
    writeFileSync(join(dest, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    syncPath(join(dest, MANIFEST_FILE));
    syncPath(dest);
    return { dest, manifest, ms: performance.now() - started, snapshotMs, warnings };
  } catch (err) {
    if (created) rmSync(dest, { recursive: true, force: true });
    else for (const name of readdirSync(dest)) rmSync(join(dest, name), { recursive: true, force: true });
    throw err;
  }
}

export function describeCheck(check: DatabaseCheck) {
  return check.ok ? 'ok' : `integrity_check: ${check.integrity.slice(0, 5).join('; ')} | quick_check: ${check.quick.slice(0, 5).join('; ')}`;
}

/** The manifest of a backup folder (null for a bare database file, e.g. from the old backup.sh), its files checked against it. */
async function readManifest(backupDir: string): Promise<Manifest | null> {
  const file = join(backupDir, MANIFEST_FILE);
  if (!existsSync(file)) return null;
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch {
    throw new RestoreRefused(`${file} is not valid JSON`);
  }
  if (manifest.format !== FORMAT) throw new RestoreRefused(`${file}: unknown format ${String(manifest.format)}`);
  for (const expected of manifest.files) {
    if (!existsSync(join(backupDir, expected.name))) throw new RestoreRefused(`${expected.name} is listed in the manifest but missing from ${backupDir}`);
    const actual = await entryOf(backupDir, expected.name);
    if (actual.bytes !== expected.bytes || actual.sha256 !== expected.sha256) {
      throw new RestoreRefused(`${expected.name} differs from the manifest (${actual.bytes} bytes, sha256 ${actual.sha256.slice(0, 12)}…; expected ${expected.bytes} bytes, ${expected.sha256.slice(0, 12)}…): the backup is damaged`);
    }
  }
  return manifest;
}

export interface VerifyReport {
  backupDir: string;
  manifest: Manifest | null;
  check: DatabaseCheck;
  schema: { version: number; latest: number };
  ms: number;
}

/**
 * Proves a backup restorable without touching any data folder: the files against the
 * manifest, then integrity_check, quick_check and the schema version on a throwaway copy.
 */
export async function verifyBackup(opts: { backupDir: string }): Promise<VerifyReport> {
  const started = performance.now();
  const backupDir = resolve(opts.backupDir);
  const db = join(backupDir, DB_FILE);
  if (!existsSync(db)) throw new RestoreRefused(`no ${DB_FILE} in ${backupDir}`);
  const manifest = await readManifest(backupDir);
  const scratch = mkdtempSync(join(tmpdir(), 'vitrina-verify-'));
  try {
    const copy = join(scratch, DB_FILE);
    copyFileSync(db, copy);
    const check = await checkDatabaseFile(copy);
    if (!check.ok) throw new RestoreRefused(`the backup fails its integrity check: ${describeCheck(check)}`);
    const schema = await schemaVersionOf(copy);
    if (schema.version === 0) throw new RestoreRefused(`${db} is not a Vitrina database (no migration recorded)`);
    return { backupDir, manifest, check, schema, ms: performance.now() - started };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export interface RestoreReport {
  backupDir: string;
  dataDir: string;
  /** Where the replaced files went (null when the data folder held none of them). */
  movedAside: { dir: string; files: string[] } | null;
  placed: string[];
  check: DatabaseCheck;
  schema: { version: number; latest: number };
  ms: number;
  warnings: string[];
}

/**
 * Restores the backup in `backupDir` into `dataDir`. Refuses (RestoreRefused, nothing changed)
 * while a server has the database open, when the backup's files differ from its manifest, when
 * the backup fails integrity_check or quick_check, or when it comes from newer code than this.
 * `force` only skips the in-use probe's "cannot tell" answer (an unreadable old database).
 */
export async function restoreStore(opts: { backupDir: string; dataDir: string; force?: boolean; now?: () => Date }): Promise<RestoreReport> {
  const started = performance.now();
  const backupDir = resolve(opts.backupDir);
  const dataDir = resolve(opts.dataDir);
  const backupDb = join(backupDir, DB_FILE);
  if (!existsSync(backupDb)) throw new RestoreRefused(`no ${DB_FILE} in ${backupDir}`);
  if (backupDir === dataDir) throw new RestoreRefused('the backup folder is the data folder');
  const warnings: string[] = [];
  const manifest = await readManifest(backupDir);
  if (!manifest) warnings.push(`no ${MANIFEST_FILE} in ${backupDir}: the files could not be compared with what the backup wrote (the integrity check still ran)`);
  const carried = [SECRET_FILE, DEMO_FILE].filter((n) => existsSync(join(backupDir, n)));
  if (!carried.includes(SECRET_FILE)) {
    warnings.push(manifest?.secret === 'env'
      ? 'the backup was taken with VITRINA_SECRET: the server needs that same value to recognize cards'
      : `the backup holds no ${SECRET_FILE}: the current one (if any) is kept; cards are recognized only if it is the secret the backup was taken with`);
  }

  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const live = join(dataDir, DB_FILE);
  await refuseIfInUse(live, opts.force ?? false);

  const stamp = freeStamp(dataDir, stampOf(opts.now?.() ?? new Date()));
  const staged = join(dataDir, `${DB_FILE}.restoring-${stamp}`);
  const removeStaged = () => { for (const f of [staged, ...SIDE_FILE_SUFFIXES.map((s) => staged + s)]) rmSync(f, { force: true }); };
  removeStaged();
  let schema: { version: number; latest: number };
  let check: DatabaseCheck;
  try {
    copyPrivate(backupDb, staged);
    check = await checkDatabaseFile(staged);
    if (!check.ok) throw new RestoreRefused(`the backup fails its integrity check, nothing was changed: ${describeCheck(check)}`);
    schema = await schemaVersionOf(staged);
    if (schema.version === 0) throw new RestoreRefused(`${backupDb} is not a Vitrina database (no migration recorded)`);
    if (schema.version > schema.latest) throw new RestoreRefused(`the backup has schema version ${schema.version}, newer than this code's ${schema.latest}: restore it with the version that wrote it`);
    // schemaVersionOf closed its connections, which checkpoints the -wal into the file (an
    // empty -wal and an -shm may stay behind). The rename must never leave committed pages in a
    // -wal under the old name.
    if (['-wal', '-journal'].some((s) => existsSync(staged + s) && statSync(staged + s).size > 0)) throw new Error(`${staged} still has a non-empty -wal or journal`);
    for (const suffix of SIDE_FILE_SUFFIXES) rmSync(staged + suffix, { force: true });
  } catch (err) {
    removeStaged();
    throw err;
  }
  // The checks took a while: ask again right before anything moves.
  await refuseIfInUse(live, opts.force ?? false).catch((err) => { rmSync(staged, { force: true }); throw err; });

  // Move aside everything the restore replaces, names intact (the set opens as it was).
  const asideDir = join(dataDir, `replaced-${stamp}`);
  const replaced = [DB_FILE, ...SIDE_FILE_SUFFIXES.map((s) => DB_FILE + s), DEMO_FILE, ...(carried.includes(SECRET_FILE) ? [SECRET_FILE] : [])]
    .filter((n) => existsSync(join(dataDir, n)));
  const moved: string[] = [];
  const placed: string[] = [];
  const putBack = () => {
    for (const n of placed) rmSync(join(dataDir, n), { force: true });
    for (const n of moved) renameSync(join(asideDir, n), join(dataDir, n));
    if (existsSync(asideDir) && readdirSync(asideDir).length === 0) rmSync(asideDir, { recursive: true });
  };
  try {
    if (replaced.length > 0) mkdirSync(asideDir, { mode: 0o700 });
    for (const n of replaced) {
      renameSync(join(dataDir, n), join(asideDir, n));
      moved.push(n);
    }
    renameSync(staged, live);
    placed.push(DB_FILE);
    for (const n of carried) {
      copyPrivate(join(backupDir, n), join(dataDir, n));
      placed.push(n);
    }
    syncPath(dataDir);
    giveToDataDirOwner(dataDir, [...placed.map((n) => join(dataDir, n)), ...(moved.length > 0 ? [asideDir] : [])]);
    const final = await checkDatabaseFile(live);
    if (!final.ok) throw new RestoreRefused(`the restored file fails its integrity check in place; the previous files were put back: ${describeCheck(final)}`);
    check = final;
  } catch (err) {
    rmSync(staged, { force: true });
    putBack();
    throw err;
  }
  if (schema.version < schema.latest) warnings.push(`the backup has schema version ${schema.version}; the server migrates it to ${schema.latest} when it starts`);
  return {
    backupDir, dataDir,
    movedAside: moved.length > 0 ? { dir: asideDir, files: moved } : null,
    placed, check, schema, ms: performance.now() - started, warnings,
  };
}

async function refuseIfInUse(file: string, force: boolean) {
  const probe = await databaseInUse(file);
  if (probe.inUse === true) throw new RestoreRefused(`${file} is open in a running server: stop it first (sudo systemctl stop vitrina-edge)`);
  if (probe.inUse === 'unknown' && !force) {
    throw new RestoreRefused(`cannot tell whether a server is using ${file} (${probe.reason}); make sure the server is stopped, then run again with --force`);
  }
}

/** A stamp not yet used for a replaced-… folder in `dataDir`. */
function freeStamp(dataDir: string, stamp: string) {
  let candidate = stamp;
  for (let i = 2; existsSync(join(dataDir, `replaced-${candidate}`)); i++) candidate = `${stamp}-${i}`;
  return candidate;
}

/** Run as root (sudo), the restored files would be root's: hand them to the data folder's owner, the server's user. */
function giveToDataDirOwner(dataDir: string, paths: string[]) {
  if (process.getuid?.() !== 0) return;
  const { uid, gid } = statSync(dataDir);
  for (const p of paths) chownSync(p, uid, gid);
}

/** The lines a person reads after a backup or restore. */
export function describeBackup(r: BackupReport): string[] {
  return [
    `backup written to ${r.dest} in ${(r.ms / 1000).toFixed(2)} s (snapshot ${(r.snapshotMs / 1000).toFixed(2)} s), integrity_check ok`,
    ...r.manifest.files.map((f) => `  ${f.name.padEnd(16)} ${String(f.bytes).padStart(12)} bytes  sha256 ${f.sha256}`),
    '  it holds personal data and the install secret: keep it owner-only (0700/0600) and off shared storage',
    ...r.warnings.map((w) => `warning: ${w}`),
  ];
}

export function describeRestore(r: RestoreReport): string[] {
  return [
    `restored ${r.backupDir} into ${r.dataDir} in ${(r.ms / 1000).toFixed(2)} s`,
    r.movedAside ? `  moved aside: ${r.movedAside.files.join(', ')} → ${r.movedAside.dir}` : '  nothing to move aside (empty data folder)',
    `  placed: ${r.placed.join(', ')}`,
    `  integrity_check ${r.check.integrity.join('; ')}, quick_check ${r.check.quick.join('; ')}; schema version ${r.schema.version} (this code: ${r.schema.latest})`,
    ...r.warnings.map((w) => `warning: ${w}`),
    '  start the server again: sudo systemctl start vitrina-edge',
  ];
}

export function describeVerify(r: VerifyReport): string[] {
  return [
    `${basename(r.backupDir)}: restorable (checked in ${(r.ms / 1000).toFixed(2)} s)`,
    r.manifest ? `  files match the manifest of ${r.manifest.createdAt} (${r.manifest.files.map((f) => f.name).join(', ')}; secret: ${r.manifest.secret})` : `  no ${MANIFEST_FILE}: files not compared`,
    `  integrity_check ${r.check.integrity.join('; ')}, quick_check ${r.check.quick.join('; ')}; schema version ${r.schema.version} (this code: ${r.schema.latest})`,
  ];
}
