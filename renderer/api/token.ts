const KEY = 'inkstand.adminToken';

/**
 * The admin token of the browser UI: taken from `?token=` in the address the server printed, kept
 * in sessionStorage (so a reload works) and removed from the address bar (so it is not bookmarked or shared).
 */
export function takeAdminToken(location: Location = window.location, storage: Storage = window.sessionStorage, history: History = window.history): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem(KEY, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return storage.getItem(KEY);
}
