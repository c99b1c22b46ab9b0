import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorInfo } from '@vitrina/contracts';
import { ERROR_CATALOGUE } from './catalogue.js';
import { VitrinaError } from './vitrina-error.js';

/** Maps Fastify's own error codes to ours, so clients see one closed set. */
function fromFastify(err: FastifyError): { status: number; info: ErrorInfo } | null {
  if (err.validation) {
    const details = err.validation.map((v) => ({ path: v.instancePath || '/', message: v.message ?? 'invalid' }));
    return { status: 400, info: { code: 'VITRINA_ERR_VALIDATION', message: `Invalid ${err.validationContext ?? 'request'}: ${details[0]?.path} ${details[0]?.message}`, details } };
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, info: { code: 'VITRINA_ERR_INVALID_JSON', message: ERROR_CATALOGUE.VITRINA_ERR_INVALID_JSON.message } };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, info: { code: 'VITRINA_ERR_PAYLOAD_TOO_LARGE', message: ERROR_CATALOGUE.VITRINA_ERR_PAYLOAD_TOO_LARGE.message } };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, info: { code: 'VITRINA_ERR_VALIDATION', message: 'Send application/json.' } };
  }
  if (err instanceof SyntaxError && err.statusCode === 400) {
    return { status: 400, info: { code: 'VITRINA_ERR_INVALID_JSON', message: ERROR_CATALOGUE.VITRINA_ERR_INVALID_JSON.message } };
  }
  return null;
}

/**
 * The router's own refusals (a path parameter over maxParamLength, a malformed URL) never reach
 * the error handler; this gives them our code too (found by the attack suite's HTTP fuzzer).
 */
export function frameworkErrors(err: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const status = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
  void reply.status(status).send({ error: { code: 'VITRINA_ERR_VALIDATION', message: status === 414 ? 'A path parameter is too long.' : 'The URL is malformed.' } });
}

export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof VitrinaError) {
      if (err.status >= 500) request.log.error({ err }, 'request failed');
      return reply.status(err.status).send({ error: err.toInfo() });
    }
    const mapped = fromFastify(err);
    if (mapped) return reply.status(mapped.status).send({ error: mapped.info });
    // Unknown failure: log it, tell the client only that it failed (5xx details stay hidden).
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'VITRINA_ERR_INTERNAL', message: ERROR_CATALOGUE.VITRINA_ERR_INTERNAL.message } });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ error: { code: 'VITRINA_ERR_NOT_FOUND', message: `No route for ${request.method} ${request.url.split('?')[0]}` } });
  });
}
