import type {
  ContextConfigDefault, FastifyBaseLogger, FastifyInstance, FastifyRequest, FastifySchema, FastifyTypeProvider, RawReplyDefaultExpression, RawRequestDefaultExpression,
  RawServerDefault, RouteGenericInterface, RouteHandlerMethod, RouteShorthandOptions,
} from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ROUTES, type RouteSpec } from '@vitrina/contracts';

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
  const vitrinaRoute: ServedRoute = { id: routeIdOf(route), path: route.path };
  app.withTypeProvider<TypeBoxTypeProvider>().route<RouteGenericInterface, ContextConfigDefault, RouteSchema<R>>({
    ...options,
    config: { ...(options.config as object | undefined), vitrinaRoute } as ServeOptions<R>['config'],
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

// ---------------------------------------------------------------------------------------------
// The audit hook: every write through a contract route by a signed-in staff member is handed to
// an AuditSink (domains/audit) with who, what and how it ended. The platform knows neither the
// staff domain nor the audit table: who comes from `actor(req)`, the row from the sink.

/** What serve() remembers on each route it registers (Fastify route `config`). */
interface ServedRoute {
  /** `area.name` in ROUTES (`staff.update`); `METHOD path` for a route outside the map (tests). */
  id: string;
  /** The path template, `/api/v1/staff/:id`. */
  path: string;
}

/** A domain's precise account of a write: the fields it changed, before and after (no secrets). */
export interface AuditChange {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/** One write, as the hook saw it. The sink decides what of `body` to keep (secrets never). */
export interface AuditRecord {
  at: string;
  actor: { id: string; username: string };
  method: string;
  routeId: string;
  path: string;
  params: Record<string, unknown>;
  body: unknown;
  status: number;
  /** Set by the handler with `noteAuditChange`; otherwise the sink summarizes `body`. */
  change?: AuditChange;
}

export interface AuditSink {
  record(entry: AuditRecord): Promise<void>;
}

const notes = new WeakMap<FastifyRequest, AuditChange>();

/**
 * For a handler whose service reported what it changed (`role: marketer → admin`): the audit
 * row gets that instead of a summary of the request body.
 */
export function noteAuditChange(req: FastifyRequest, change: AuditChange): void {
  notes.set(req, change);
}

let routeIds: Map<RouteSpec, string> | undefined;
function routeIdOf(route: RouteSpec): string {
  routeIds ??= new Map(Object.entries(ROUTES).flatMap(([area, routes]) => Object.entries(routes as Record<string, RouteSpec>).map(([name, spec]): [RouteSpec, string] => [spec, `${area}.${name}`])));
  return routeIds.get(route) ?? `${route.method} ${route.path}`;
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Records every non-GET contract route answered to a signed-in staff member, refusals and
 * failures included (the status says how it ended). Runs in onSend, so the row is written
 * before the answer leaves: a client that saw its write answered finds it in the log. A failed
 * audit write is logged and does not fail the request, whose own write has already committed.
 * Install on the root instance before the routes are registered.
 */
export function installAuditHook(app: AnyApp, { sink, actor }: { sink: AuditSink; actor: (req: FastifyRequest) => { id: string; username: string } | undefined }): void {
  app.addHook('onSend', async (req, reply, payload) => {
    if (READS.has(req.method)) return payload;
    const served = (req.routeOptions.config as { vitrinaRoute?: ServedRoute } | undefined)?.vitrinaRoute;
    const who = served && actor(req);
    if (!served || !who) return payload;
    try {
      await sink.record({
        at: new Date().toISOString(), actor: { id: who.id, username: who.username }, method: req.method, routeId: served.id, path: served.path,
        params: (req.params ?? {}) as Record<string, unknown>, body: req.body, status: reply.statusCode, change: notes.get(req),
      });
    } catch (err) {
      req.log.error({ err, route: served.id }, 'audit write failed');
    }
    return payload;
  });
}
