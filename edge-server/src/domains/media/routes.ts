import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROUTES } from '@vitrina/contracts';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import { noteAuditChange, serve } from '../../platform/http/serve-route.js';
import type { Guards } from '../auth/index.js';
import type { MediaService } from './service.js';

/** Room for the multipart envelope (boundaries, part headers) around the file itself. */
const ENVELOPE_BYTES = 64 * 1024;

/** The media library API under /api/v1: staff read, admins and marketers write. */
export function mediaRoutes({ media, guard }: { media: MediaService; guard: Guards }): FastifyPluginAsyncTypebox {
  return async (app) => {
    const read = { preHandler: guard.requireRole('admin', 'marketer', 'staff') };
    const write = { preHandler: guard.requireRole('admin', 'marketer') };
    await app.register(fastifyMultipart, { limits: { fileSize: media.maxUploadBytes, files: 1, fields: 10, parts: 11 } });

    serve(app, ROUTES.media.list, read, async (req) => ({ items: await media.list(req.query) }));
    serve(app, ROUTES.media.get, read, (req) => media.get(req.params.id));
    serve(app, ROUTES.media.upload, {
      ...write,
      // A body announced larger than any limit is refused before a byte of it is read.
      preValidation: async (req) => {
        const length = Number(req.headers['content-length'] ?? 0);
        if (length > media.maxUploadBytes + ENVELOPE_BYTES) throw new VitrinaError('VITRINA_ERR_MEDIA_TOO_LARGE', `The upload is ${length} bytes; the largest file allowed is ${media.maxUploadBytes}.`);
      },
    }, async (req, reply) => {
      if (!req.isMultipart()) throw new VitrinaError('VITRINA_ERR_VALIDATION', 'Send the file as multipart/form-data.');
      try {
        const part = await req.file();
        if (!part) throw new VitrinaError('VITRINA_ERR_VALIDATION', 'The form has no file part.');
        const { item, created } = await media.upload(part.file, part.filename, part.mimetype);
        if (part.file.truncated) throw new VitrinaError('VITRINA_ERR_MEDIA_TOO_LARGE');
        noteAuditChange(req, { before: {}, after: item });
        return reply.status(created ? 201 : 200).send(item);
      } catch (err) {
        // The rest of a refused body is not read: close the connection after the answer.
        reply.header('connection', 'close');
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new VitrinaError('VITRINA_ERR_MEDIA_TOO_LARGE');
        if ((err as { code?: string }).code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw new VitrinaError('VITRINA_ERR_VALIDATION', 'Send the file as multipart/form-data.');
        throw err;
      }
    });
    serve(app, ROUTES.media.update, write, async (req) => {
      const change = await media.update(req.params.id, req.body);
      noteAuditChange(req, change);
      return change.after;
    });
    serve(app, ROUTES.media.remove, write, async (req) => {
      const { before, ...result } = await media.remove(req.params.id, req.query.force === true);
      noteAuditChange(req, { before, after: {} });
      return result;
    });

  };
}

/**
 * The files themselves at `/media/lib/<sha256>.<ext>` (no prefix, no sign-in: screens load them):
 * content-addressed, so cached by browsers and screens for a year as immutable (a changed
 * picture is a new URL). Range requests work (video seeking).
 */
export function mediaFileRoutes({ media }: { media: MediaService }): FastifyPluginAsyncTypebox {
  return async (app) => {
    // Only names the library writes are served; everything else is a 404.
    await app.register(fastifyStatic, {
      root: media.libDir, prefix: '/media/lib/', decorateReply: false, index: false, list: false, dotfiles: 'deny',
      cacheControl: true, maxAge: 365 * 24 * 3600 * 1000, immutable: true,
      allowedPath: (path) => /^\/?[0-9a-f]{64}(\.thumb\.webp|\.(jpg|png|webp|svg|mp4|webm))$/.test(path),
      // An SVG opened on its own runs nothing even if a future sanitizer missed something.
      setHeaders: (res, path) => { if (path.endsWith('.svg')) res.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:"); },
    });
  };
}
