import { CHAIN_MODEL_GATE_EVENT, type ChainModelGate, type ChainModelGateEvent } from '@vitrina/contracts';
import type { Database } from '../../../platform/db/database.js';

/**
 * The stores' gate outcomes on chain models: each store logs its decision as a `chain_model_gate`
 * event, which comes up like every event (ingest → hq_events). Read-only here.
 */
export class GateOutcomesRepository {
  constructor(private readonly db: Database) {}

  async latest(limit = 500): Promise<ChainModelGate[]> {
    const rows = await this.db.all<{ storeId: string; payload_json: string; at: string }>(
      'SELECT store_id AS storeId, payload_json, occurred_at AS at FROM hq_events WHERE type = ? ORDER BY occurred_at DESC, store_id LIMIT ?',
      [CHAIN_MODEL_GATE_EVENT, limit],
    );
    return rows.map(({ storeId, payload_json, at }) => {
      const g = JSON.parse(payload_json) as Partial<ChainModelGateEvent> | null;
      return { storeId, modelId: String(g?.modelId ?? ''), outcome: String(g?.outcome ?? ''), reason: String(g?.reason ?? ''), at };
    });
  }
}
