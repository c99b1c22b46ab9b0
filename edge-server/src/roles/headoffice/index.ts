/** Head office (ROLE=headoffice): the chain's own server, started by server.ts instead of the store's app. */
export { buildHeadOfficeApp, type BuildHeadOfficeOptions, type HeadOfficeApp } from './app.js';
export { composeHeadOffice, type HeadOfficeServices } from './compose.js';
export { serveHeadOffice } from './serve.js';
