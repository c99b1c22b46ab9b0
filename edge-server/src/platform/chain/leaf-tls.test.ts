/**
 * The leaf link over TLS (deploy/chain/gen-chain-config.mjs --tls): the hub's leafnode listener
 * requires TLS with a certificate of the chain's own CA, the store's leaf verifies it against
 * that CA, and a store's message still reaches head office's VITRINA_UP through the link.
 */
import { connect as tcpConnect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { STREAMS, upKey, upSubject, type UpEnvelope } from '@vitrina/contracts';
import { startChainCluster, waitFor, type ChainCluster } from '../../test-support/chain-cluster.js';
import { ensureStoreStreams } from './topology.js';

/** The first line the hub's leafnode port sends (its INFO, in clear before the TLS handshake). */
function leafInfo(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect(port, '127.0.0.1');
    socket.once('data', (chunk) => { socket.destroy(); resolve(chunk.toString('latin1')); });
    socket.once('error', reject);
  });
}

describe('the leaf link over TLS', () => {
  let cluster: ChainCluster;
  beforeAll(async () => {
    cluster = await startChainCluster([{ id: 't1' }], { tls: true });
  }, 120_000);
  afterAll(async () => {
    await cluster?.close();
  }, 60_000);

  it('links only with TLS, and a store message reaches the hub through it', async () => {
    expect(await leafInfo(cluster.hubLeafPort)).toMatch(/"tls_required":true/);
    const store = cluster.store('t1');
    const leaf = await connect({ servers: store.url, ...store.clientAuth });
    await ensureStoreStreams(leaf, 't1', null);
    const env: UpEnvelope = { v: 1, storeId: 't1', key: upKey('t1', 'receipts', 'tls-1'), kind: 'receipts', occurredAt: new Date().toISOString(), payload: { over: 'tls' } };
    await jetstream(leaf, { domain: 't1' }).publish(upSubject('t1', 'receipts'), JSON.stringify(env), { msgID: env.key });
    await leaf.close();
    const hq = await cluster.hq();
    const jsm = await jetstreamManager(hq);
    await waitFor('the message at the hub', async () => (await jsm.streams.info(STREAMS.hubUp)).state.messages === 1, 60_000, 200);
    expect((await jsm.streams.getMessage(STREAMS.hubUp, { seq: 1 }))?.json<UpEnvelope>().key).toBe(env.key);
    await hq.close();
  }, 120_000);
});
