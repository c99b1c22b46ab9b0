import { describe, expect, it } from 'vitest';
import { build } from '../../test-support/build.js';

describe('device pairing over HTTP', () => {
  it('lets an admin pair a device (token shown once, stored hashed) and revoke it', async () => {
    const t = await build();
    await t.services.devices.upsertZone('front', 'Front');
    const headers = await t.staffHeaders('admin');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/devices', headers, payload: { kind: 'screen', name: 'Window screen', zoneId: 'front' } });
    expect(res.statusCode).toBe(201);
    const { device, token } = res.json();
    expect(device).toMatchObject({ kind: 'screen', zoneId: 'front', status: 'active', connected: false });
    expect(token.length).toBeGreaterThanOrEqual(40);
    const stored = await t.services.db.get<{ token_hash: string }>('SELECT token_hash FROM devices WHERE id = ?', [device.id]);
    expect(stored?.token_hash).not.toContain(token);
    expect((await t.services.devices.authenticate(token, 'screen')).id).toBe(device.id);

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/devices', headers });
    expect(list.json().map((d: { id: string }) => d.id)).toEqual([device.id]);
    const revoked = await t.app.inject({ method: 'POST', url: `/api/v1/devices/${device.id}/revoke`, headers });
    expect(revoked.json().status).toBe('revoked');
    await expect(t.services.devices.authenticate(token, 'screen')).rejects.toMatchObject({ code: 'VITRINA_ERR_DEVICE_REVOKED' });
  });

  it('refuses anonymous callers, non-admins, unknown zones and unknown devices', async () => {
    const t = await build();
    await t.services.devices.upsertZone('front', 'Front');
    const body = { kind: 'kiosk', name: 'K', zoneId: 'front' };
    const anon = await t.app.inject({ method: 'POST', url: '/api/v1/devices', payload: body });
    expect([anon.statusCode, anon.json().error.code]).toEqual([401, 'VITRINA_ERR_UNAUTHORIZED']);
    const staff = await t.app.inject({ method: 'POST', url: '/api/v1/devices', headers: await t.staffHeaders('staff'), payload: body });
    expect([staff.statusCode, staff.json().error.code]).toEqual([403, 'VITRINA_ERR_FORBIDDEN']);
    const admin = await t.staffHeaders('admin');
    const zone = await t.app.inject({ method: 'POST', url: '/api/v1/devices', headers: admin, payload: { ...body, zoneId: 'nowhere' } });
    expect([zone.statusCode, zone.json().error.code]).toEqual([400, 'VITRINA_ERR_VALIDATION']);
    const kind = await t.app.inject({ method: 'POST', url: '/api/v1/devices', headers: admin, payload: { ...body, kind: 'toaster' } });
    expect(kind.json().error.code).toBe('VITRINA_ERR_VALIDATION');
    // An unknown device is a 404: a 401 would sign the admin out of the console.
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/devices/nope/revoke', headers: admin });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'VITRINA_ERR_NOT_FOUND']);
    expect(await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM devices')).toEqual({ n: 0 });
    // The admin is still signed in.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/devices', headers: admin })).statusCode).toBe(200);
  });
});

describe('zones', () => {
  it('lets an admin of an empty store create a zone (any script in its name) and pair a kiosk into it; refuses others and blank names', async () => {
    const t = await build();
    const admin = await t.staffHeaders('admin');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/zones', headers: admin })).json()).toEqual([]);
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/zones', headers: admin, payload: { name: '  Торговый зал ' } });
    expect(created.statusCode).toBe(201);
    const zone = created.json() as { id: string; name: string };
    expect(zone.name).toBe('Торговый зал');
    expect(zone.id).toMatch(/^[A-Za-z0-9_-]+$/);
    const paired = await t.app.inject({ method: 'POST', url: '/api/v1/devices', headers: admin, payload: { kind: 'kiosk', name: 'Киоск у входа', zoneId: zone.id } });
    expect(paired.statusCode).toBe(201);

    const marketer = await t.app.inject({ method: 'POST', url: '/api/v1/zones', headers: await t.staffHeaders('marketer'), payload: { name: 'X' } });
    expect([marketer.statusCode, marketer.json().error.code]).toEqual([403, 'VITRINA_ERR_FORBIDDEN']);
    for (const payload of [{ name: '   ' }, { name: '' }, { name: 'x'.repeat(81) }, { name: 'A', id: 'forced' }, {}]) {
      const bad = await t.app.inject({ method: 'POST', url: '/api/v1/zones', headers: admin, payload });
      expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'VITRINA_ERR_VALIDATION']);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/zones', headers: admin })).json()).toEqual([zone]);
  });
});
