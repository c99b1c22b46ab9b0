import { ROUTES } from '@vitrina/contracts';
import { api } from './api';

/** What the console is talking to: a store's edge server, or the chain's head office (ROLE=headoffice). */
export type ServerRole = 'store' | 'headoffice';

let current: ServerRole = 'store';

/** The role found at start-up; route visibility reads it (routes.ts). */
export function serverRole(): ServerRole {
  return current;
}

/** Asks once: only a head-office server answers GET /api/v1/hq/role (a store answers 404). */
export async function loadServerRole(): Promise<ServerRole> {
  try {
    current = (await api.call(ROUTES.headOffice.role)).role;
  } catch {
    current = 'store';
  }
  return current;
}
