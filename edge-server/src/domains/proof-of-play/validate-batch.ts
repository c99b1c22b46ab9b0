import { Compile } from 'typebox/compile';
import { PlayRecord } from '@vitrina/contracts';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';

const checkRecord = Compile(PlayRecord);
/** A play longer than this is a device bug (a clock jump, a record never closed), not a play. */
const MAX_PLAY_MS = 24 * 60 * 60 * 1000;
/** Plays from before this are refused as a broken clock (screens keep records for days offline, not years). */
const OLDEST_PLAY = Date.parse('2020-01-01T00:00:00Z');

/**
 * Checks every row of a batch before anything is written: one malformed row refuses the whole
 * batch (VITRINA_ERR_PLAY_BATCH_INVALID, its index in `details`), and so does one that ends in
 * the future beyond `skewMs` (VITRINA_ERR_PLAY_CLOCK_AHEAD): a device with a wrong clock must be
 * told, not have its plays filed under the wrong day.
 */
export function validateBatch(rows: readonly unknown[], now: number, skewMs: number): PlayRecord[] {
  const records: PlayRecord[] = [];
  const ids = new Set<string>();
  rows.forEach((row, i) => {
    const path = `/records/${i}`;
    if (!checkRecord.Check(row)) {
      const first = [...checkRecord.Errors(row)][0];
      throw invalid(path, first ? `${first.instancePath || '/'} ${first.message}` : 'does not match PlayRecord');
    }
    const started = Date.parse(row.startedAt);
    const ended = Date.parse(row.endedAt);
    if (Number.isNaN(started) || Number.isNaN(ended)) throw invalid(path, 'startedAt and endedAt must be ISO instants');
    if (ended < started) throw invalid(path, 'endedAt is before startedAt');
    if (ended - started > MAX_PLAY_MS) throw invalid(path, 'a play cannot last more than 24 hours');
    if (started < OLDEST_PLAY) throw invalid(path, 'startedAt is before 2020: check the device clock');
    if (ended > now + skewMs) {
      throw new VitrinaError('VITRINA_ERR_PLAY_CLOCK_AHEAD', `Record ${i} ends at ${row.endedAt}, after the server's clock; the batch was refused.`, [{ path, message: 'in the future' }]);
    }
    // The same id twice in one batch is the device's bug, not a replay: refuse it so the count the ack gives is honest.
    if (ids.has(row.id.toLowerCase())) throw invalid(path, `id ${row.id} appears twice in the batch`);
    ids.add(row.id.toLowerCase());
    records.push(row);
  });
  return records;
}

function invalid(path: string, message: string): VitrinaError {
  return new VitrinaError('VITRINA_ERR_PLAY_BATCH_INVALID', `Record ${path.split('/').pop()} is malformed (${message}); the batch was refused.`, [{ path, message }]);
}
