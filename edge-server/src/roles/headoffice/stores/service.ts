import type { JetStreamManager } from '@nats-io/jetstream';
import { CONSUMERS, STREAMS, type ChainStore, type ChainStoresView, type RegisterStoreRequest } from '@vitrina/contracts';
import { VitrinaError } from '../../../platform/errors/vitrina-error.js';
import type { StoreRow, StoresRepository } from './stores-repository.js';

/** A store with no message for this long is shown as stale (a store posts events all day). */
export const STALE_AFTER_MS = 15 * 60 * 1000;

/**
 * The chain's stores: registering one adds its outbox to the hub's VITRINA_UP sources (so its
 * up-flow starts arriving) and creates its down stream (and its region's); the list joins what the ingest recorded with what JetStream knows
 * now (per source: messages still in the store's outbox; the ingest consumer's pending count).
 */
export class StoresService {
  constructor(
    private readonly repo: StoresRepository,
    private readonly hub: () => JetStreamManager | null,
    /** Brings the hub's streams in line with the registered stores (a new store's source and down stream). */
    private readonly topology: (stores: readonly { id: string; region: string }[]) => Promise<void>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async register(req: RegisterStoreRequest): Promise<{ before: ChainStore | Record<string, never>; after: ChainStore }> {
    const before = await this.repo.get(req.id);
    await this.repo.upsert(req, this.now().toISOString());
    await this.topology(await this.repo.list()).catch((err: Error) => {
      throw new VitrinaError('VITRINA_ERR_HUB_UNAVAILABLE', `Store ${req.id} is saved, but the hub did not take its streams: ${err.message}`);
    });
    const after = (await this.list()).stores.find((s) => s.id === req.id)!;
    return { before: before ? this.view(before, null) : {}, after };
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
        sourceLag = new Map((info.sources ?? []).map((s) => [storeOfSource(s as SourceInfoWire), s.lag]));
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

/** What the server sends for a source (the client's type leaves `external` and the filter out). */
interface SourceInfoWire {
  external?: { api?: string };
  filter_subject?: string;
  filter?: string;
}

/** The store of a VITRINA_UP source: `$JS.<storeId>.API`, else its filter `vitrina.up.<storeId>.>`. */
function storeOfSource(s: SourceInfoWire): string {
  return s.external?.api?.match(/^\$JS\.([^.]+)\.API$/)?.[1] ?? (s.filter_subject ?? s.filter)?.match(/^vitrina\.up\.([^.]+)\.>$/)?.[1] ?? '';
}
