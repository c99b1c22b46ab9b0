import type { preHandlerAsyncHookHandler } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROUTES, type AnyImportJob } from '@vitrina/contracts';
import { serve } from '../../platform/http/serve-route.js';
import type { JobsService } from './service.js';

/**
 * The console's view of background imports, whatever their kind (admin): the list, one job,
 * cancel. `admin` is the auth domain's admin guard, passed in by app.ts. Each kind is started by its own route (receipts, members, catalogue), which knows the file.
 */
export function jobRoutes({ jobs, admin }: { jobs: JobsService; admin: preHandlerAsyncHookHandler }): FastifyPluginAsyncTypebox {
  return async (app) => {
    const only = { preHandler: admin };
    serve(app, ROUTES.imports.jobs, only, async () => ({ jobs: (await jobs.list()) as AnyImportJob[] }));
    serve(app, ROUTES.imports.job, only, async (req) => (await jobs.get(req.params.jobId)) as AnyImportJob);
    serve(app, ROUTES.imports.cancelJob, only, async (req) => (await jobs.cancel(req.params.jobId)) as AnyImportJob);
  };
}
