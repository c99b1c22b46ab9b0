import type { ScreenSnapshot } from '@vitrina/contracts';
import { parseSnapshot } from './content';

/** The newest snapshot, kept so a screen that reboots offline follows its schedule at once. */
const KEY = 'vitrina.snapshot';

export function loadSnapshot(storage: Storage): ScreenSnapshot | null {
  try {
    const raw = storage.getItem(KEY);
    return raw ? parseSnapshot(JSON.parse(raw)) : null;
  } catch {
    return null;
  }
}

export function saveSnapshot(storage: Storage, snapshot: ScreenSnapshot): void {
  try {
    storage.setItem(KEY, JSON.stringify(snapshot));
  } catch {
    // Storage full: the snapshot in memory still plays; the next one tries again.
  }
}
