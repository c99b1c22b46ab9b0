import type { JetStreamManager } from '@nats-io/jetstream';
import { CONSUMERS, STREAMS, type ChainStore, type ChainStoresView, type RegisterStoreRequest } from '@vitrina/contracts';
import { VitrinaError } from '../../../platform/errors/vitrina-error.js';
import { addStoreSource } from '../hub/hub.js';
import type { StoreRow, StoresRepository } from './stores-repository.js';

/** A store with no message for this long is shown as stale (a store posts events all day). */
export const STALE_AFTER_MS = 15 * 60 * 1000;

/**
 * The chain's stores: registering one adds its outbox to the hub's VITRINA_UP sources (so its
 * up-flow starts arriving); the list joins what the ingest recorded with what JetStream knows
 * now (per source: messages still in the store's outbox; the ingest consumer's pending count).
 */
export class StoresService {
  constructor(
    private readonly repo: StoresRepository,
    private readonly hub: () => JetStreamManager | null,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async register(req: RegisterStoreRequest): Promise<{ before: ChainStore | null; after: ChainStore }> {
    const before = await this.repo.get(req.id);
    await this.repo.upsert(req, this.now().toISOString());
    const jsm = this.hub();
    if (jsm) await addStoreSource(jsm, req.id).catch((err: Error) => {
      throw new VitrinaError('VITRINA_ERR_HUB_UNAVAILABLE', `Store ${req.id} is saved, but the hub did not take its source: ${err.message}`);
    });
    const after = (await this.list()).stores.find((s) => s.id === req.id)!;
    return { before: before ? this.view(before, null) : null, after };
  }

  async regionOf(id: string): Promise<string> {
    const s = await this.repo.get(id);
    if (!s) throw new VitrinaError('VITRINA_ERR_STORE_UNKNOWN', `No store ${id} on the chain.`);
    return s.region;
  }

  async list(): Promise<ChainStoresView> {
    const rows = await this.repo.list();
    const jsm = this.hub();
    let sourceLag = new Map<string, number>();
    let pending: number | null = null;
    let hub: ChainStoresView['hub'] = 'not-configured';
    if (jsm) {
      try {
        const info = await jsm.streams.info(STREAMS.hubUp);
        sourceLag = new Map((info.sources ?? []).map((s) => [storeOfApi(s.external?.api), s.lag]));
        const ci = await jsm.consumers.info(STREAMS.hubUp, CONSUMERS.hqIngest);
        pending = ci.num_pending + ci.num_ack_pending;
        hub = 'connected';
      } catch {
        hub = 'unreachable';
      }
    }
    return { hub, ingestPending: pending, stores: rows.map((r) => this.view(r, sourceLag.get(r.id) ?? null)) };
  }

  private view(r: StoreRow, outboxLag: number | null): ChainStore {
    const since = r.lastMessageAt ? this.now().getTime() - Date.parse(r.lastMessageAt) : null;
    const health: ChainStore['health'] = since === null ? 'never' : outboxLag ? 'catching-up' : since > STALE_AFTER_MS ? 'stale' : 'ok';
    return { ...r, outboxLag, health };
  }
}

/** `$JS.<storeId>.API` → storeId. */
function storeOfApi(api: string | undefined): string {
  return api?.match(/^\$JS\.([^.]+)\.API$/)?.[1] ?? '';
}
