import { describe, expect, it } from 'vitest';
import { ADMIN_HTTP_ROUTES } from '../../contract/admin.ts';
import { requestUrl } from '../../renderer/api/routes.ts';

describe('requestUrl (the browser transport)', () => {
  it('fills path segments and sends the rest as the JSON body', () => {
    expect(requestUrl(ADMIN_HTTP_ROUTES['displays.update'], { id: 7, patch: { name: 'Hall' } })).toEqual({ method: 'PATCH', url: '/displays/7', body: { patch: { name: 'Hall' } } });
  });

  it('puts the args of a GET in the query, leaving out unset ones', () => {
    expect(requestUrl(ADMIN_HTTP_ROUTES['photos.list'], { quality: 'GOOD', favourite: true, style: undefined })).toEqual({ method: 'GET', url: '/photos?quality=GOOD&favourite=true', body: null });
  });

  it('escapes path values and sends no body when nothing is left', () => {
    expect(requestUrl(ADMIN_HTTP_ROUTES['settings.set'], { key: 'a/b', value: 'x' }).url).toBe('/settings/a%2Fb');
    expect(requestUrl(ADMIN_HTTP_ROUTES['displays.delete'], { id: 3 })).toEqual({ method: 'DELETE', url: '/displays/3', body: null });
  });

  it('refuses to build a URL with a missing path value', () => {
    expect(() => requestUrl(ADMIN_HTTP_ROUTES['displays.get'], {})).toThrow(/needs "id"/);
  });
});
