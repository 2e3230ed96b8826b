export interface HttpRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
}

/** Fills `:name` path segments from the args; the rest goes in the query (GET) or the JSON body (the server reads no query on other methods). */
export function requestUrl(route: HttpRoute, args: Record<string, unknown> = {}): { method: string; url: string; body: Record<string, unknown> | null } {
  const rest: Record<string, unknown> = { ...args };
  const path = route.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = rest[name];
    if (value === undefined || value === null) throw new Error(`${route.method} ${route.path} needs "${name}"`);
    delete rest[name];
    return encodeURIComponent(String(value));
  });
  if (route.method === 'GET') {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(rest)) if (value !== undefined && value !== null) query.set(key, String(value));
    const text = query.toString();
    return { method: route.method, url: text ? `${path}?${text}` : path, body: null };
  }
  return { method: route.method, url: path, body: Object.keys(rest).length ? rest : null };
}
