import type {
  ContextConfigDefault, FastifyBaseLogger, FastifyInstance, FastifySchema, FastifyTypeProvider, RawReplyDefaultExpression, RawRequestDefaultExpression,
  RawServerDefault, RouteGenericInterface, RouteHandlerMethod, RouteShorthandOptions,
} from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { RouteSpec } from '@vitrina/contracts';

type Slot<R, K extends 'params' | 'querystring' | 'body'> = R extends { readonly [P in K]: infer S } ? S : undefined;

/** The part of a contract route Fastify types requests and replies from. */
export interface RouteSchema<R extends RouteSpec> extends FastifySchema {
  params: Slot<R, 'params'>;
  querystring: Slot<R, 'querystring'>;
  body: Slot<R, 'body'>;
  response: R['response'];
}

/** A handler typed by the route: `req.params`/`req.query`/`req.body`, `reply.status(…).send(…)` and the return value. */
export type ServeHandler<R extends RouteSpec> = RouteHandlerMethod<
  RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, RouteGenericInterface, ContextConfigDefault, RouteSchema<R>, TypeBoxTypeProvider
>;

/** Everything Fastify takes per route except what the contract fixes (method, url, schema): preHandler, bodyLimit, config… */
export type ServeOptions<R extends RouteSpec> = Omit<
  RouteShorthandOptions<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, RouteGenericInterface, ContextConfigDefault, RouteSchema<R>, TypeBoxTypeProvider>,
  'schema'
>;

type AnyApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, FastifyTypeProvider>;

/**
 * Registers a route of the contract map (`ROUTES` in @vitrina/contracts): its method, path and
 * schemas come from the map, so the server validates and serializes exactly what clients are
 * typed against; the caller adds the handler and per-route options such as `preHandler`.
 *
 *   serve(app, ROUTES.customers.get, { preHandler: staff }, (req) => app.dataRequests.profile(req.params.id));
 *
 * Map paths are full (`/api/v1/…`). Inside a plugin registered with a prefix, that prefix is
 * taken off the path instead of being added twice; a prefix the path does not start with throws.
 */
export function serve<R extends RouteSpec>(app: AnyApp, route: R, options: ServeOptions<R>, handler: ServeHandler<R>): void {
  app.withTypeProvider<TypeBoxTypeProvider>().route<RouteGenericInterface, ContextConfigDefault, RouteSchema<R>>({
    ...options,
    method: route.method,
    url: pathUnder(app.prefix, route),
    schema: schemaOf(route),
    handler,
  });
}

function pathUnder(prefix: string, route: RouteSpec): string {
  if (!prefix) return route.path;
  if (!route.path.startsWith(`${prefix}/`)) throw new Error(`${route.method} ${route.path} cannot be served under the prefix ${prefix}`);
  return route.path.slice(prefix.length);
}

/** Only the keys the route has: an absent part must stay absent for validation and the OpenAPI docs. */
function schemaOf<R extends RouteSpec>(route: R): RouteSchema<R> {
  const schema: FastifySchema = { tags: route.tags, response: route.response };
  if (route.description !== undefined) schema.description = route.description;
  if (route.security !== undefined) schema.security = route.security;
  if (route.contentType !== undefined) schema.consumes = [route.contentType];
  if (route.params !== undefined) schema.params = route.params;
  if (route.querystring !== undefined) schema.querystring = route.querystring;
  if (route.body !== undefined) schema.body = route.body;
  return schema as RouteSchema<R>;
}
