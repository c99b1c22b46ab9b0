import type { DecisionRecord, RankerChoice } from '@vitrina/models/ranker-choice';
import type { Database } from '../../platform/db/database.js';

export type TrainingTrigger = 'schedule' | 'manual' | 'first-start' | 'chain';

/** A decision as stored: the record, plus 'failed' runs that decided nothing (served stays as it was). */
export type StoredDecision = Omit<DecisionRecord, 'outcome' | 'split'> & {
  id: number;
  trigger: TrainingTrigger;
  outcome: DecisionRecord['outcome'] | 'failed';
  split: DecisionRecord['split'] | null;
};

interface Row {
  id: number;
  trigger: TrainingTrigger;
  record_json: string;
}

/** model_decisions (migration 009): one row per training run, newest last. */
export class DecisionsRepository {
  constructor(private readonly db: Database) {}

  async insert(trigger: TrainingTrigger, d: Omit<StoredDecision, 'id' | 'trigger'>): Promise<number> {
    const served = d.served;
    const { lastID } = await this.db.run(
      `INSERT INTO model_decisions (trigger, started_at, finished_at, outcome, served_kind, served_name, artifact_dir, artifact_sha256,
         customers, baskets, data_from, data_to, reason, record_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        trigger, d.startedAt, d.finishedAt, d.outcome, served.kind, served.kind === 'model' ? served.version : served.name,
        served.kind === 'model' ? served.artifactDir : null, served.kind === 'model' ? served.sha256 : null,
        d.customers, d.baskets, d.dataWindow.from, d.dataWindow.to, d.reason, JSON.stringify(d),
      ],
      // Background work: a till's receipt queued at the same moment commits first.
      { priority: 'bulk' },
    );
    return lastID;
  }

  async latest(limit: number): Promise<StoredDecision[]> {
    const rows = await this.db.all<Row>('SELECT id, trigger, record_json FROM model_decisions ORDER BY id DESC LIMIT ?', [limit]);
    return rows.map((r) => ({ ...(JSON.parse(r.record_json) as Omit<StoredDecision, 'id' | 'trigger'>), id: r.id, trigger: r.trigger }));
  }

  /** What the last decision serves, null before the store's first decision. */
  async served(): Promise<RankerChoice | null> {
    const [last] = await this.latest(1);
    return last?.served ?? null;
  }
}
