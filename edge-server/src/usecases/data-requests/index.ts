/** Customers' data requests (export, erasure, consents) across every domain that holds their rows. */
export { DataRequestsService, type DataRequestsDeps } from './data-requests.js';
export { customersRoutes } from './routes.js';
