export { connectNatsLink, type ChainLink, type InboxMessage, type NatsLinkOptions } from './nats-link.js';
export { ensureHubStreams, ensureStoreStreams } from './topology.js';
