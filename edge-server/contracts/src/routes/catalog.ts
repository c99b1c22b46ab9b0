import { Type } from 'typebox';
import { CatalogImportQuery, CatalogImportReport, CreateProductRequest, Product, ProductDetail, ProductList, ProductListQuery, UpdateProductRequest } from '../catalog.js';
import { ErrorResponse } from '../errors.js';
import { defineRoute } from './define-route.js';

const tags = ['catalog'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };
const params = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const catalogRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/v1/products', tags, querystring: ProductListQuery, response: { 200: ProductList, ...errors } }),
  get: defineRoute({ method: 'GET', path: '/api/v1/products/:id', tags, params, response: { 200: ProductDetail, ...errors } }),
  create: defineRoute({ method: 'POST', path: '/api/v1/products', tags, body: CreateProductRequest, response: { 201: ProductDetail, ...errors } }),
  update: defineRoute({ method: 'PATCH', path: '/api/v1/products/:id', tags, params, body: UpdateProductRequest, response: { 200: ProductDetail, ...errors } }),
  /** Deactivated products stay (receipts reference them) but are no longer offered. */
  deactivate: defineRoute({ method: 'POST', path: '/api/v1/products/:id/deactivate', tags, params, response: { 200: Product, ...errors } }),
  /**
   * One catalogue file as the body, streamed: CommerceML 2.03–2.10 import.xml or offers.xml
   * (application/xml), or the product CSV (text/csv, or ?format=csv). Each file is applied in
   * one transaction: a file that fails changes nothing.
   */
  import: defineRoute({
    method: 'POST', path: '/api/v1/imports/catalog', tags,
    description: 'Imports a catalogue file: 1C CommerceML import.xml / offers.xml (application/xml) or the product CSV (text/csv).',
    contentType: 'application/xml', querystring: CatalogImportQuery,
    response: { 200: CatalogImportReport, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse, 422: ErrorResponse },
  }),
};
