/** The import kinds of `npm run import`, each loaded only when asked for. */
export interface ImportCommand {
  /** Positional files and flags after the kind; sets process.exitCode itself. */
  run(args: string[]): Promise<void>;
}

export const IMPORT_KINDS = {
  receipts: () => import('./receipts.js') as Promise<ImportCommand>,
  catalog: () => import('./catalog.js') as Promise<ImportCommand>,
  members: () => import('./members.js') as Promise<ImportCommand>,
} satisfies Record<string, () => Promise<ImportCommand>>;

export type ImportKind = keyof typeof IMPORT_KINDS;
