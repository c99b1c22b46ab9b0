import { tmpdir } from 'node:os';
import { resolve } from 'node:path';

/**
 * An absolute path under the store's data dir (DATA_DIR defaults to the relative `./data`, and
 * some consumers — @fastify/static — insist on absolute roots). A `:memory:` store (tests) keeps
 * its files under the system temp dir instead of a folder literally named ":memory:".
 */
export function dataPath(dataDir: string, ...parts: string[]): string {
  return dataDir === ':memory:' ? resolve(tmpdir(), 'vitrina-memory-store', ...parts) : resolve(dataDir, ...parts);
}
