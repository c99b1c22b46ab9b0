import type { preHandlerAsyncHookHandler } from 'fastify';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import type { StaffRole } from './repository.js';
import type { AuthService, StaffPrincipal } from './service.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in staff member, set by a role guard. */
    staff?: StaffPrincipal;
  }
}

/** preHandlers for staff routes, handed to every route adapter that needs them. */
export interface Guards {
  /**
   * A signed-in staff member with one of these roles, whose password is not due for a forced
   * change (VITRINA_ERR_PASSWORD_CHANGE_REQUIRED until it is changed).
   */
  requireRole(...roles: StaffRole[]): preHandlerAsyncHookHandler;
  /** Any signed-in staff member, a forced password change pending or not: `me`, sign-out, change password. */
  requireSession(): preHandlerAsyncHookHandler;
}

export function bearerToken(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S{8,256})$/i.exec(header ?? '');
  return m?.[1];
}

export function createGuards(auth: AuthService): Guards {
  return {
    requireRole: (...roles) => async (req) => {
      const principal = await auth.principal(bearerToken(req.headers.authorization));
      // Set before the checks, so that the audit log also records refused writes.
      req.staff = principal;
      if (principal.mustChangePassword) throw new VitrinaError('VITRINA_ERR_PASSWORD_CHANGE_REQUIRED');
      if (!roles.includes(principal.role)) throw new VitrinaError('VITRINA_ERR_FORBIDDEN');
    },
    requireSession: () => async (req) => {
      req.staff = await auth.principal(bearerToken(req.headers.authorization));
    },
  };
}
