import { frameworkErrors } from '../errors/handler.js';

/**
 * The Fastify options both servers (store and head office) start with.
 *
 * `pluginTimeout`: Fastify's default of 10 s per plugin failed a start-up of the store server
 * at load average 12 on 2 cores (`@fastify/swagger-ui` reads its assets while registering). A
 * plugin that never resolves is a bug the tests see at once; a slow one on a busy box is not a
 * reason to refuse to start, so the limit is generous.
 */
export function fastifyOptions(bodyLimit: number) {
  return { bodyLimit, frameworkErrors, pluginTimeout: 120_000 };
}
