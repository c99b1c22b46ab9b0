import type { TSchema, Static } from 'typebox';
import { Compile } from 'typebox/compile';
import type { Ack, AckCallback } from '@vitrina/contracts';
import { VitrinaError, toErrorInfo } from '../errors/vitrina-error.js';

type Validator<T extends TSchema> = ReturnType<typeof Compile<T>>;
const cache = new WeakMap<TSchema, Validator<TSchema>>();

function validatorFor<T extends TSchema>(schema: T): Validator<T> {
  let v = cache.get(schema);
  if (!v) {
    v = Compile(schema);
    cache.set(schema, v);
  }
  return v as Validator<T>;
}

export function parsePayload<T extends TSchema>(schema: T, payload: unknown): Static<T> {
  const v = validatorFor(schema);
  if (v.Check(payload)) return payload as Static<T>;
  const first = [...v.Errors(payload)][0];
  throw new VitrinaError('VITRINA_ERR_VALIDATION', `Invalid payload: ${first ? `${first.instancePath || '/'} ${first.message}` : 'does not match the contract'}`);
}

/**
 * Wraps a socket event handler: validates the payload against its contract schema, runs the
 * handler, and answers through the ack as {ok,data} | {ok:false,error}. A client that sends no
 * ack function still cannot crash the server; an internal failure is logged and hidden.
 */
export function handle<T extends TSchema, R>(
  schema: T,
  fn: (payload: Static<T>) => Promise<R>,
  log: { error(obj: unknown, msg: string): void },
) {
  return async (payload: unknown, ack?: unknown) => {
    const reply: AckCallback<R> = typeof ack === 'function' ? (ack as AckCallback<R>) : () => undefined;
    let response: Ack<R>;
    try {
      response = { ok: true, data: await fn(parsePayload(schema, payload)) };
    } catch (err) {
      if (!(err instanceof VitrinaError)) log.error({ err }, 'socket handler failed');
      response = { ok: false, error: toErrorInfo(err) };
    }
    reply(response);
  };
}
