import { describe, expect, it } from 'vitest';
import { hrefFor, matchPattern, matchRoute, relativePath } from './router';

describe('router', () => {
  it('strips the app base from the pathname', () => {
    expect(relativePath('/console/', '/console/')).toBe('');
    expect(relativePath('/console', '/console/')).toBe('');
    expect(relativePath('/console/devices/', '/console/')).toBe('devices');
    expect(relativePath('/console/campaigns/c1', '/console/')).toBe('campaigns/c1');
    expect(relativePath('/kiosk/', '/console/')).toBeNull();
  });
  it('matches literal segments and captures params', () => {
    expect(matchPattern('', '')).toEqual({});
    expect(matchPattern('devices', 'devices')).toEqual({});
    expect(matchPattern('devices', 'devices/x')).toBeNull();
    expect(matchPattern('campaigns/:id', 'campaigns/spring%202026')).toEqual({ id: 'spring 2026' });
    expect(matchPattern('campaigns/:id', 'campaigns/%E0%A4%A')).toBeNull();
  });
  it('returns the first matching route', () => {
    const routes = [{ path: 'campaigns/new' }, { path: 'campaigns/:id' }];
    expect(matchRoute(routes, 'campaigns/new')?.route).toBe(routes[0]);
    expect(matchRoute(routes, 'campaigns/42')?.params).toEqual({ id: '42' });
    expect(matchRoute(routes, 'nope')).toBeNull();
  });
  it('builds hrefs under the base and encodes params', () => {
    expect(hrefFor('/console/', '')).toBe('/console/');
    expect(hrefFor('/console/', 'devices')).toBe('/console/devices');
    expect(hrefFor('/console', 'campaigns/:id', { id: 'a/b' })).toBe('/console/campaigns/a%2Fb');
    expect(() => hrefFor('/console/', 'campaigns/:id')).toThrow(/Missing route parameter/);
  });
});
