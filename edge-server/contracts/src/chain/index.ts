export * from './subjects.js';
export * from './envelope.js';
export * from './payloads.js';
