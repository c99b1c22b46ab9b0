import type { ErrorCode, ErrorInfo } from '@vitrina/contracts';
import { ERROR_CATALOGUE } from './catalogue.js';

/** The one error type domains throw; the HTTP handler and socket acks turn it into ErrorInfo. */
export class VitrinaError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: Array<{ path: string; message: string }>,
  ) {
    super(message ?? ERROR_CATALOGUE[code].message);
    this.name = 'VitrinaError';
    this.status = ERROR_CATALOGUE[code].status;
  }

  toInfo(): ErrorInfo {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

/** ErrorInfo for anything thrown: a VitrinaError as is, anything else hidden behind INTERNAL. */
export function toErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof VitrinaError) return err.toInfo();
  return { code: 'VITRINA_ERR_INTERNAL', message: ERROR_CATALOGUE.VITRINA_ERR_INTERNAL.message };
}
