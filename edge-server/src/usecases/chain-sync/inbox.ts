import { Value } from 'typebox/value';
import {
  ChainCampaign, ChainCatalog, ChainContent, ChainModel, ChainPrices, ChainPromotion, DownEnvelope,
  type Campaign, type CreateCampaignOfferRequest, type CreateProductRequest, type PromotionDefinition, type UpdateProductRequest,
} from '@vitrina/contracts';
import { CHAIN_MODEL_GATE_EVENT, OBJECT_STORES, type ChainModelGateEvent } from '@vitrina/contracts';
import type { InboxMessage } from '../../platform/chain/index.js';
import type { ChainOutboxRepository } from './outbox-repository.js';
import { applyContent, type ContentTargets } from './content-apply.js';

/** What the down-flow needs from the owning domains: their public services, nothing else (content's in content-apply.ts). */
export interface DownTargets extends ContentTargets {
  /** The whole campaign and its offers as head office last published them; a store's own campaign is refused. */
  campaigns: {
    upsertFromChain(campaign: Campaign, offers: ReadonlyArray<CreateCampaignOfferRequest & { offerId: string }>): Promise<'created' | 'updated'>;
  };
  /** The whole promotion definition and status; a store's own promotion is refused. */
  promotions: {
    upsertFromChain(id: string, def: PromotionDefinition, status: PromotionStatus): Promise<'created' | 'updated'>;
  };
  catalog: {
    get(id: string): Promise<unknown>;
    create(body: CreateProductRequest): Promise<unknown>;
    update(id: string, body: UpdateProductRequest): Promise<unknown>;
  };
  /** The analytics event log: a gate decision is logged as a `chain_model_gate` event, which goes up to head office. */
  events?: { append(events: { type: string; payload?: Record<string, unknown> }[]): Promise<void> };
  /** The store's own gate for a chain model (usecases/model-lifecycle); without it models are only recorded. */
  models?: { gate(files: ChainModelFiles): Promise<{ outcome: string; reason: string }> };
}

/** A chain model's files as fetched from head office's `vitrina_models` object store. */
export interface ChainModelFiles {
  version: string;
  sha256: string;
  onnx: Uint8Array;
  manifest: unknown;
}

/** Reads one file of a hub object store through the link (null when absent). */
export type FetchObject = (bucket: string, name: string) => Promise<Uint8Array | null>;

const exists = (p: Promise<unknown>) => p.then(() => true, () => false);

type PromotionStatus = 'live' | 'paused' | 'ended';
const isPromotionStatus = (s: string): s is PromotionStatus => s === 'live' || s === 'paused' || s === 'ended';

/** The object store could not be read (link down): the message must be retried, not recorded. */
export class ObjectFetchError extends Error {}

/** Applies one down payload through the owning domain; returns a short outcome for chain_applied. */
async function applyPayload(t: DownTargets, env: DownEnvelope, fetchObject: FetchObject): Promise<string> {
  const p = env.payload;
  switch (env.kind) {
    case 'campaigns': {
      if (!Value.Check(ChainCampaign, p)) return 'rejected: payload';
      // The whole entity, every time: name, window, holdout, offers added/changed/removed, status.
      return t.campaigns.upsertFromChain(p.campaign, p.offers ?? []);
    }
    case 'promotions': {
      if (!Value.Check(ChainPromotion, p)) return 'rejected: payload';
      if (!isPromotionStatus(p.status)) return `rejected: status ${p.status}`.slice(0, 300);
      return t.promotions.upsertFromChain(p.promotionId, p.definition, p.status);
    }
    case 'catalog': {
      if (!Value.Check(ChainCatalog, p)) return 'rejected: payload';
      for (const prod of p.products) {
        const { id, active, ...fields } = prod;
        if (await exists(t.catalog.get(id))) await t.catalog.update(id, { ...fields, ...(active !== undefined ? { active } : {}) });
        else await t.catalog.create({ id, ...fields });
      }
      return `products: ${p.products.length}`;
    }
    case 'prices': {
      if (!Value.Check(ChainPrices, p)) return 'rejected: payload';
      let set = 0;
      for (const { productId, priceMinor } of p.prices) {
        if (!(await exists(t.catalog.get(productId)))) continue;
        await t.catalog.update(productId, { priceMinor });
        set++;
      }
      return `prices: ${set}/${p.prices.length}`;
    }
    case 'content': {
      if (!Value.Check(ChainContent, p)) return 'rejected: payload';
      return applyContent(t, p, (name) => fetchObject(OBJECT_STORES.media, name).catch((err: Error) => { throw new ObjectFetchError(err.message); }));
    }
    case 'model': {
      if (!Value.Check(ChainModel, p)) return 'rejected: payload';
      if (!t.models) return 'received (no gate wired)';
      // A failed fetch (link down) throws: the message stays in the inbox and is retried.
      const read = (name: string) => fetchObject(OBJECT_STORES.models, name).catch((err: Error) => { throw new ObjectFetchError(err.message); });
      const onnx = await read(p.onnxObject);
      const meta = await read(p.metaObject);
      if (!onnx || !meta) return 'rejected: files missing from the object store';
      const decision = await t.models.gate({ version: p.modelId, sha256: p.sha256, onnx, manifest: JSON.parse(new TextDecoder().decode(meta)) as unknown });
      const gate: ChainModelGateEvent = { modelId: p.modelId, outcome: decision.outcome, reason: decision.reason.slice(0, 500) };
      await t.events?.append([{ type: CHAIN_MODEL_GATE_EVENT, payload: gate }]);
      return `gate: ${decision.outcome} (${decision.reason})`.slice(0, 300);
    }
  }
}

/**
 * One inbox message: applied once per (kind, entity) version. An older or equal version is a
 * redelivery or an out-of-order copy from another target filter and changes nothing; a message
 * that is not a valid envelope is recorded as rejected (and acked: retrying cannot fix it).
 */
export async function applyDown(repo: ChainOutboxRepository, targets: DownTargets, m: InboxMessage, fetchObject: FetchObject, log: { warn(o: unknown, msg?: string): void }): Promise<string> {
  if (!Value.Check(DownEnvelope, m.data)) {
    log.warn({ subject: m.subject, seq: m.seq }, 'chain: a down message is not a valid envelope; skipped');
    return 'rejected: envelope';
  }
  const env = m.data as DownEnvelope;
  const last = await repo.appliedVersion(env.kind, env.entityId);
  if (last && last.version >= env.version) return 'skipped: not newer';
  let outcome: string;
  try {
    outcome = await applyPayload(targets, env, fetchObject);
  } catch (err) {
    if (err instanceof ObjectFetchError) throw err;
    // A domain refused it (bad dates, unknown product): recorded, not retried forever.
    const code = (err as { code?: unknown }).code;
    outcome = `rejected: ${typeof code === 'string' && code.startsWith('VITRINA_ERR_') ? `${code}: ` : ''}${(err as Error).message}`.slice(0, 300);
    log.warn({ err, kind: env.kind, entityId: env.entityId }, 'chain: a down message was refused by its domain');
  }
  await repo.noteApplied({ kind: env.kind, entityId: env.entityId, version: env.version, key: env.key, at: new Date().toISOString(), outcome });
  return outcome;
}
