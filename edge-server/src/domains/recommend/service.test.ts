import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportOnnx, gpTieWeights, manifestFeatureContract, writeArtifact, type ModelManifest } from '@vitrina/models';
import { FEATURE_CONTRACT } from '@vitrina/models/features';
import { createHash } from 'node:crypto';
import { build } from '../../test-support/build.js';
import { seedSmallStore } from '../../test-support/small-store.js';
import { RecommendService } from './service.js';

const COMMITTED = resolve(fileURLToPath(new URL('../../../../models/artifacts/current', import.meta.url)));

/** A copy of the committed artifact in a fresh folder, so tests can swap and break it. */
function artifactCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vitrina-model-'));
  cpSync(COMMITTED, dir, { recursive: true });
  return dir;
}
const committedVersion = () => (JSON.parse(readFileSync(join(COMMITTED, 'model.json'), 'utf8')) as ModelManifest).modelVersion;

/** A second, genuinely different real model: GP-TopFreq as a one-layer ONNX graph. */
function writeGpTieArtifact(dir: string, version: string, patch: Partial<ModelManifest> = {}): void {
  const bytes = exportOnnx(gpTieWeights(), version);
  const manifest: ModelManifest = {
    format: 'vitrina-ranker', modelVersion: version, featureContract: manifestFeatureContract(),
    input: { name: 'input', shape: ['N', manifestFeatureContract().names.length] }, output: { name: 'score', shape: ['N', 1] },
    architecture: { hidden: [] }, maxCandidates: 300,
    training: { data: 'test', users: 0, valUsers: 0, seed: 0, epochs: 0, bestEpoch: 0, seconds: 0 }, metrics: {},
    onnxBytes: bytes.byteLength, onnxSha256: createHash('sha256').update(bytes).digest('hex'), createdAt: new Date().toISOString(), ...patch,
  };
  writeArtifact(dir, bytes, manifest);
}

async function storeWithModel(modelDir: string) {
  const t = await build({ MODEL_DIR: modelDir });
  await seedSmallStore(t.services);
  // Ben: bread and milk every week, so two shoppers with different habits.
  for (let i = 0; i < 4; i++) {
    const id = `r-ben-${i}`;
    const at = new Date(Date.now() - (i + 1) * 6 * 86_400_000).toISOString();
    await t.services.db.run("INSERT INTO receipts (id, store_id, customer_id, kind, store_time, total_minor, created_at) VALUES (?, 'test', 'cust-ben', 'sale', ?, 799, ?)", [id, at, at]);
    await t.services.db.run("INSERT INTO receipt_lines (receipt_id, line_no, product_id, quantity, unit_price_minor, discount_minor) VALUES (?, 1, 'p-bread', 1, 450, 0), (?, 2, 'p-milk', 1, 349, 0)", [id, id]);
  }
  await t.services.recommend.refreshAggregates();
  return t;
}

describe('recommend service (real SQLite, real onnxruntime, committed artifact)', () => {
  it('serves the committed model and ranks a shopper’s own staples first', async () => {
    const { services } = await storeWithModel(artifactCopy());
    expect(services.recommend.health()).toMatchObject({ status: 'loaded', version: committedVersion(), featureVersion: FEATURE_CONTRACT.version, reason: null, aggregates: { lastError: null } });
    const ana = await services.recommend.rank('cust-ana', { limit: 3, personalized: true });
    expect(ana[0]!.productId).toBe('p-apples');
    const ben = await services.recommend.rank('cust-ben', { limit: 2, personalized: true });
    expect(ben.map((r) => r.productId).sort()).toEqual(['p-bread', 'p-milk']);
    // Scoring given products (live offers): exactly those come back, never-sold ones last.
    const offers = await services.recommend.rank('cust-ana', { limit: 10, personalized: true, candidates: ['p-vodka', 'p-apples', 'p-bread'] });
    expect(offers.map((r) => r.productId)).toEqual(['p-apples', 'p-bread', 'p-vodka']);
  });

  it('without profiling consent ranks by store popularity only', async () => {
    const { services } = await storeWithModel(artifactCopy());
    const ana = await services.recommend.rank('cust-ana', { limit: 5, personalized: false });
    const ben = await services.recommend.rank('cust-ben', { limit: 5, personalized: false });
    expect(ana).toEqual(ben);
    expect(ana.length).toBeGreaterThan(0);
  });

  it('refuses a truncated model file with a clear reason and serves the fallback', async () => {
    const dir = artifactCopy();
    const onnx = readFileSync(join(dir, 'model.onnx'));
    writeFileSync(join(dir, 'model.onnx'), onnx.subarray(0, Math.floor(onnx.length / 2)));
    const { services } = await storeWithModel(dir);
    const h = services.recommend.health();
    expect(h.status).toBe('fallback');
    // What ranks instead: the store's default baseline (never another model).
    expect(h.version).toBe('GP-TopFreq+popTies');
    expect(h.reason).toMatch(/^VITRINA_ERR_MODEL_INVALID: .*truncated/);
    // The fallback still ranks: own purchase counts first.
    expect((await services.recommend.rank('cust-ana', { limit: 1, personalized: true }))[0]!.productId).toBe('p-apples');
  });

  it('refuses a model built for another feature contract, and garbage that onnxruntime cannot load', async () => {
    const other = mkdtempSync(join(tmpdir(), 'vitrina-model-'));
    writeGpTieArtifact(other, 'old-contract', { featureContract: { version: 'f0', names: ['x'] } });
    const a = await storeWithModel(other);
    expect(a.services.recommend.health()).toMatchObject({ status: 'fallback', reason: expect.stringMatching(new RegExp(`VITRINA_ERR_MODEL_INVALID: feature contract f0 .* ${FEATURE_CONTRACT.version}`)) });

    const garbage = mkdtempSync(join(tmpdir(), 'vitrina-model-'));
    writeGpTieArtifact(garbage, 'garbage');
    const bytes = Buffer.from('this is not an onnx model');
    writeFileSync(join(garbage, 'model.onnx'), bytes);
    const manifest = JSON.parse(readFileSync(join(garbage, 'model.json'), 'utf8')) as ModelManifest;
    writeFileSync(join(garbage, 'model.json'), JSON.stringify({ ...manifest, onnxBytes: bytes.length, onnxSha256: createHash('sha256').update(bytes).digest('hex') }));
    const b = await storeWithModel(garbage);
    expect(b.services.recommend.health()).toMatchObject({ status: 'fallback', reason: expect.stringContaining('onnxruntime cannot load') });
  });

  it('hot-swaps artifacts under concurrent rank() calls with zero failures', async () => {
    const dir = artifactCopy();
    const { services } = await storeWithModel(dir);
    const service = await RecommendService.create({ modelDir: dir, history: services.purchases, refreshIntervalMs: 0, watchModel: false });
    try {
      let stop = false;
      let ok = 0;
      const failures: unknown[] = [];
      const worker = async () => {
        while (!stop) {
          try {
            const r = await service.rank(ok % 2 ? 'cust-ana' : 'cust-ben', { limit: 3, personalized: true });
            if (r.length === 0) throw new Error('empty ranking');
            ok++;
          } catch (err) {
            failures.push(err);
          }
        }
      };
      const workers = Array.from({ length: 8 }, worker);
      const versions: (string | null)[] = [];
      for (let swap = 0; swap < 6; swap++) {
        if (swap % 2 === 0) writeGpTieArtifact(dir, `gp-tie-${swap}`);
        else cpSync(COMMITTED, dir, { recursive: true });
        versions.push((await service.reloadModel()).version);
        await service.refreshAggregates(); // aggregates swap in the middle of it too
      }
      stop = true;
      await Promise.all(workers);
      expect(failures).toEqual([]);
      expect(ok).toBeGreaterThan(50);
      expect(versions).toEqual(['gp-tie-0', committedVersion(), 'gp-tie-2', committedVersion(), 'gp-tie-4', committedVersion()]);
      // A broken artifact arriving later is refused; the loaded model keeps serving.
      writeFileSync(join(dir, 'model.onnx'), 'broken');
      const h = await service.reloadModel();
      expect(h).toMatchObject({ status: 'loaded', version: committedVersion(), reason: expect.stringContaining('new artifact refused') });
    } finally {
      await service.close();
    }
  });

  it('picks up a new artifact by watching the folder', async () => {
    const dir = artifactCopy();
    const { services } = await storeWithModel(dir);
    const service = await RecommendService.create({ modelDir: dir, history: services.purchases, refreshIntervalMs: 0, watchModel: true });
    try {
      writeGpTieArtifact(dir, 'watched');
      await expect.poll(() => service.health().version, { timeout: 5000 }).toBe('watched');
    } finally {
      await service.close();
    }
  });
});
