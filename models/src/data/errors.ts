/**
 * Errors raised by the model pipeline. The codes are the edge server's VITRINA_ERR_* codes
 * (edge-server/contracts/src/errors.ts), repeated as literals so this package stays free of
 * server imports.
 */
export type ModelsErrorCode = 'VITRINA_ERR_IMPORT_INVALID' | 'VITRINA_ERR_MODEL_INVALID' | 'VITRINA_ERR_NOT_FOUND';

export class ModelsError extends Error {
  constructor(
    readonly code: ModelsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ModelsError';
  }
}
