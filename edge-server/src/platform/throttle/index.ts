export { KeyedLimiter } from './keyed-limiter.js';
