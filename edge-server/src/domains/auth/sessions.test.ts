import { describe, expect, it } from 'vitest';
import { build } from '../../test-support/build.js';
import { createAuth } from './index.js';

/** A cheap scrypt: these tests are about the clock, not the hash. */
const CHEAP = { log2N: 10, r: 8, p: 1 };
const MIN = 60_000;

describe('staff sessions', () => {
  it('end after an idle spell, and at their absolute end however busy they are', async () => {
    const t = await build();
    let clock = Date.parse('2026-06-10T08:00:00.000Z');
    const { auth } = createAuth(t.services.db, { scrypt: CHEAP, now: () => clock, sessions: { sessionHours: 12, idleMinutes: 30 } });
    await auth.createUser('ida', 'a password long enough', 'staff');

    const idle = await auth.login('ida', 'a password long enough');
    expect(idle.idleMinutes).toBe(30);
    clock += 29 * MIN;
    await expect(auth.principal(idle.token)).resolves.toMatchObject({ username: 'ida' });
    clock += 29 * MIN; // 58 minutes after sign-in, but only 29 since the last request
    await expect(auth.principal(idle.token)).resolves.toMatchObject({ username: 'ida' });
    clock += 31 * MIN;
    await expect(auth.principal(idle.token)).rejects.toMatchObject({ code: 'VITRINA_ERR_UNAUTHORIZED' });

    const busy = await auth.login('ida', 'a password long enough');
    expect(Date.parse(busy.expiresAt)).toBe(clock + 12 * 60 * MIN);
    for (let i = 0; i < 12 * 4 - 1; i++) {
      clock += 15 * MIN;
      await auth.principal(busy.token);
    }
    clock += 15 * MIN; // exactly twelve hours
    await expect(auth.principal(busy.token)).rejects.toMatchObject({ code: 'VITRINA_ERR_UNAUTHORIZED' });

    await auth.purgeDeadSessions();
    expect(await t.services.db.all('SELECT token_hash FROM staff_sessions')).toEqual([]);
  });
});
