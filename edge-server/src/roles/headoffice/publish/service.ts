import { createHash } from 'node:crypto';
import {
  downSubject, OBJECT_STORES, type ChainCampaign, type ChainCatalog, type ChainContent, type ChainModel, type ChainPrices, type ChainPromotion,
  type DownEnvelope, type DownKind, type DownTarget, type Publication, type PublishContentRequest, type PublishTarget,
} from '@vitrina/contracts';
import { VitrinaError } from '../../../platform/errors/vitrina-error.js';
import { newId } from '../../../shared/ids.js';
import type { Hub } from '../hub/hub.js';
import type { StoresRepository } from '../stores/stores-repository.js';
import type { PublicationsRepository } from './publications-repository.js';

/**
 * Head office's down-flow: every publication is one message per down target (all stores, a
 * region, or each listed store) on `vitrina.down.<target>.<kind>`, carrying the entity it
 * changes and a version one above the entity's last (stores apply only newer versions, so order
 * holds across targets). The message key is the `Nats-Msg-Id`, fixed by (kind, entity, version,
 * target): a publication retried after a failure is deduplicated by the stream. Files (media,
 * model artifacts) go to the hub's object stores first and are referenced by name.
 */
export class PublishService {
  constructor(
    private readonly repo: PublicationsRepository,
    private readonly stores: StoresRepository,
    private readonly hub: () => Hub | null,
    private readonly now: () => Date = () => new Date(),
  ) {}

  campaign(target: PublishTarget, payload: ChainCampaign, by: string) {
    return this.publish('campaigns', payload.campaign.id, target, payload, `campaign ${payload.campaign.name} (${payload.campaign.status}, holdout ${payload.campaign.holdoutPct}%)`, by);
  }

  promotion(target: PublishTarget, payload: ChainPromotion, by: string) {
    return this.publish('promotions', payload.promotionId, target, payload, `promotion ${payload.promotionId} (${payload.status})`, by);
  }

  catalog(target: PublishTarget, payload: ChainCatalog, by: string) {
    return this.publish('catalog', newId('catalog'), target, payload, `${payload.products.length} products`, by);
  }

  prices(target: PublishTarget, payload: ChainPrices, by: string) {
    return this.publish('prices', newId('prices'), target, payload, `${payload.prices.length} prices`, by);
  }

  /** Media to `vitrina_media` (name = sha256 of the bytes, so the same file is stored once), then the playlist. */
  async content(req: PublishContentRequest, by: string) {
    const media: NonNullable<ChainContent['media']> = [];
    for (const m of req.media ?? []) media.push(await this.putMedia(Buffer.from(m.base64, 'base64'), m.contentType));
    const payload: ChainContent = { zoneId: req.payload.zoneId, items: req.payload.items, media };
    return this.publish('content', req.payload.zoneId, req.target, payload, `playlist for zone ${req.payload.zoneId}: ${payload.items.length} items, ${media.length} media`, by);
  }

  /** One file to `vitrina_media` under its sha256 (stored once however often it is published). */
  async putMedia(bytes: Uint8Array, contentType: string): Promise<{ name: string; sha256: string; bytes: number }> {
    const hub = this.requireHub();
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const os = await hub.objects(OBJECT_STORES.media);
    try {
      if (!(await os.info(sha256))) await os.putBlob({ name: sha256, description: contentType }, bytes);
    } catch (err) {
      throw new VitrinaError('VITRINA_ERR_HUB_UNAVAILABLE', `Storing media ${sha256} failed: ${(err as Error).message}`);
    }
    return { name: sha256, sha256, bytes: bytes.byteLength };
  }

  /** A composed content payload (layouts, schedule, media already in the object store: signage-publisher.ts) to its target. */
  contentPayload(target: PublishTarget, payload: ChainContent, summary: string, by: string) {
    return this.publish('content', payload.zoneId, target, payload, summary, by);
  }

  /** A model artifact to `vitrina_models` (`<modelId>/model.onnx`, `<modelId>/model.json`), then its message to every store. */
  async model(modelId: string, onnx: Uint8Array, manifest: object, by: string) {
    const hub = this.requireHub();
    const os = await hub.objects(OBJECT_STORES.models);
    const sha256 = createHash('sha256').update(onnx).digest('hex');
    await os.putBlob({ name: `${modelId}/model.onnx` }, onnx);
    await os.putBlob({ name: `${modelId}/model.json` }, new TextEncoder().encode(JSON.stringify(manifest)));
    const payload: ChainModel = { modelId, onnxObject: `${modelId}/model.onnx`, metaObject: `${modelId}/model.json`, sha256 };
    return this.publish('model', modelId, { scope: 'all' }, payload, `chain model ${modelId} (${onnx.byteLength} bytes)`, by);
  }

  /** Every campaign published, at its last version with the whole campaign (what an edit starts from). */
  publishedCampaigns() {
    return this.repo.lastOfEach<ChainCampaign>('campaigns');
  }

  /** Every promotion published, at its last version with the whole promotion. */
  publishedPromotions() {
    return this.repo.lastOfEach<ChainPromotion>('promotions');
  }

  latest(limit = 100) {
    return this.repo.latest(limit);
  }

  private async publish(kind: DownKind, entityId: string, target: PublishTarget, payload: unknown, summary: string, by: string): Promise<Publication> {
    const hub = this.requireHub();
    const { targets, storeIds } = await this.resolve(target);
    const version = await this.repo.nextVersion(kind, entityId);
    const occurredAt = this.now().toISOString();
    const subjects: string[] = [];
    for (const t of targets) {
      const key = `hq:${kind}:${entityId}:v${version}:${t.scope === 'all' ? 'all' : t.scope === 'region' ? `region.${t.region}` : `store.${t.storeId}`}`;
      const env: DownEnvelope = { v: 1, storeId: 'hq', key, kind, occurredAt, target: t, entityId, version, payload };
      const subject = downSubject(t, kind);
      try {
        await hub.js.publish(subject, JSON.stringify(env), { msgID: key });
      } catch (err) {
        throw new VitrinaError('VITRINA_ERR_HUB_UNAVAILABLE', `Publishing ${kind} ${entityId} on ${subject} failed: ${(err as Error).message}`);
      }
      subjects.push(subject);
    }
    const publication: Publication = { id: newId('pub'), kind, entityId, version, target, storeIds, subjects, summary, publishedAt: occurredAt, publishedBy: by };
    await this.repo.insert(publication, payload);
    return publication;
  }

  /** The down targets of a publication and the stores they reach today; unknown stores and empty regions are refused. */
  private async resolve(target: PublishTarget): Promise<{ targets: DownTarget[]; storeIds: string[] }> {
    if (target.scope === 'all') return { targets: [{ scope: 'all' }], storeIds: (await this.stores.list()).map((s) => s.id) };
    if (target.scope === 'region') {
      const storeIds = await this.stores.idsIn(target.region);
      if (storeIds.length === 0) throw new VitrinaError('VITRINA_ERR_STORE_UNKNOWN', `No store is registered in region ${target.region}.`);
      return { targets: [target], storeIds };
    }
    const known = new Set((await this.stores.list()).map((s) => s.id));
    const unknown = target.storeIds.filter((id) => !known.has(id));
    if (unknown.length > 0) throw new VitrinaError('VITRINA_ERR_STORE_UNKNOWN', `Not registered: ${unknown.join(', ')}.`);
    const storeIds = [...new Set(target.storeIds)];
    return { targets: storeIds.map((storeId) => ({ scope: 'store' as const, storeId })), storeIds };
  }

  private requireHub(): Hub {
    const hub = this.hub();
    if (!hub) throw new VitrinaError('VITRINA_ERR_HUB_UNAVAILABLE', 'Head office has no hub connection (HQ_NATS_URL).');
    return hub;
  }
}
