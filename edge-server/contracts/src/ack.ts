import type { ErrorInfo } from './errors.js';

/** Every socket.io acknowledgement has this shape (socket.io basic-crud style). */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo };
export type AckCallback<T> = (response: Ack<T>) => void;
