import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ModelsError } from './errors.js';
import { readCsvRecords } from './csv-source.js';
import type { EvalDataset, SequenceUser } from './types.js';

export interface TafengKeyset {
  item_num: number;
  train: string[];
  val: string[];
  test: string[];
}

export interface TafengData {
  users: Map<string, SequenceUser>;
  popRanking: string[];
  keysetPaths: string[];
}

const COLUMNS = ['user_id', 'basket_index', 'item_id', 'split'];

/** Loads the preprocessed Ta-Feng benchmark: history baskets, future basket, popularity order. */
export async function loadTafeng(root: string): Promise<TafengData> {
  const dir = join(root, 'tafeng');
  const basketsPath = join(dir, 'tafeng_baskets.csv.gz');
  const history = new Map<string, Map<number, string[]>>();
  const future = new Map<string, string[]>();
  for await (const r of readCsvRecords(basketsPath, (cols) => {
    if (COLUMNS.some((c) => !cols.includes(c))) throw new ModelsError('VITRINA_ERR_IMPORT_INVALID', `${basketsPath}: expected columns ${COLUMNS.join(',')}`);
  })) {
    const user = r.user_id!;
    const item = r.item_id!;
    if (r.split === 'future') {
      const f = future.get(user) ?? [];
      if (!f.includes(item)) f.push(item);
      future.set(user, f);
    } else {
      const idx = Number(r.basket_index);
      let byIdx = history.get(user);
      if (!byIdx) history.set(user, (byIdx = new Map()));
      const b = byIdx.get(idx) ?? [];
      if (!b.includes(item)) b.push(item);
      byIdx.set(idx, b);
    }
  }
  const users = new Map<string, SequenceUser>();
  for (const [id, byIdx] of history) {
    const ordered = [...byIdx.entries()].sort((a, b) => a[0] - b[0]).map(([, items]) => items);
    users.set(id, { id, history: ordered, future: future.get(id) ?? [] });
  }
  const popRanking: string[] = [];
  for (const line of readFileSync(join(dir, 'tafeng_pop.csv'), 'utf8').split('\n').slice(1)) {
    const id = line.split(',')[0]?.trim();
    if (id) popRanking.push(id);
  }
  const keysetPaths = [0, 1, 2, 3, 4].map((k) => join(dir, 'keysets', `tafeng_keyset_${k}.json`));
  for (const p of keysetPaths) if (!existsSync(p)) throw new ModelsError('VITRINA_ERR_NOT_FOUND', `missing keyset ${p}`);
  return { users, popRanking, keysetPaths };
}

export function tafengKeysetDataset(data: TafengData, keysetIndex: number): EvalDataset {
  const ks = JSON.parse(readFileSync(data.keysetPaths[keysetIndex]!, 'utf8')) as TafengKeyset;
  const known = (ids: string[]) => ids.map(String).filter((id) => data.users.has(id));
  return {
    name: `tafeng/keyset_${keysetIndex}`,
    users: data.users,
    train: known(ks.train),
    val: known(ks.val),
    test: known(ks.test),
    popRanking: data.popRanking,
  };
}
