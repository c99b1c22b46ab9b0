import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every regular file under `dir`, at any depth (the data dir holds the database beside media/,
 * fleet/ and imports/ folders): privacy tests read them all, so a secret cannot hide in a subfolder.
 */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}
