import type { Static, TSchema } from 'typebox';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One REST route of the edge server, as both sides need it: the server registers it from this
 * (method, path and the schemas it validates and serializes with), the console calls it from
 * this (path, method, and the types of what it sends and gets back).
 */
export interface RouteSpec {
  readonly method: HttpMethod;
  /** The full path, `:name` for each parameter: `/api/v1/customers/:id`. */
  readonly path: string;
  /** OpenAPI grouping at /api/docs. */
  readonly tags: readonly string[];
  readonly description?: string;
  /** OpenAPI security requirement, where the route documents one. */
  readonly security?: ReadonlyArray<{ readonly [scheme: string]: readonly string[] }>;
  readonly params?: TSchema;
  readonly querystring?: TSchema;
  readonly body?: TSchema;
  /**
   * Set when the body is not JSON: the client sends it as is with this content type and the
   * server parses it as a stream (the receipts CSV import). Such a route has no `body` schema.
   */
  readonly contentType?: 'text/csv' | 'application/xml' | 'multipart/form-data';
  /** Every status the route answers with a body, errors included (the server serializes each by its schema). */
  readonly response: { readonly [status: number]: TSchema };
}

/**
 * Declares a route. `const` keeps the literal method, path and schema types, which is what lets
 * Params/Query/Body/Reply below (and the server's handlers) be typed from the map alone.
 */
export function defineRoute<const R extends RouteSpec>(route: R): R {
  return route;
}

type Part<R, K extends 'params' | 'querystring' | 'body'> = R extends { readonly [P in K]: infer S extends TSchema } ? Static<S> : undefined;

/** The path parameters of a route (undefined when it has none). */
export type Params<R extends RouteSpec> = Part<R, 'params'>;
/** The query string of a route, decoded (undefined when it takes none). */
export type Query<R extends RouteSpec> = Part<R, 'querystring'>;
/** The JSON body of a route (undefined when it takes none, or takes raw `contentType` data). */
export type Body<R extends RouteSpec> = Part<R, 'body'>;

/** The body of a route's success answer: the union over its 2xx response schemas. */
export type Reply<R extends RouteSpec> = {
  [S in keyof R['response']]: `${S & number}` extends `2${string}` ? (R['response'][S] extends infer T extends TSchema ? Static<T> : never) : never;
}[keyof R['response']];

/**
 * What a caller supplies besides the route: each part the route declares is required (`query`
 * only when one of its fields is), and the parts it does not declare cannot be passed.
 */
export type RequestParts<R extends RouteSpec> = (R extends { readonly params: TSchema } ? { params: Params<R> } : { params?: never }) &
  (R extends { readonly querystring: TSchema } ? (Partial<Query<R>> extends Query<R> ? { query?: Query<R> } : { query: Query<R> }) : { query?: never }) &
  (R extends { readonly body: TSchema } ? { body: Body<R> } : { body?: never });
