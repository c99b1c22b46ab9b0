export { connectNatsLink, type ChainLink, type InboxMessage, type NatsLinkOptions } from './nats-link.js';
export { HUB_UP_MAX_AGE_MS, ensureHubStreams, ensureStoreStreams } from './topology.js';
