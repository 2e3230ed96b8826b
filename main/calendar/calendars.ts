/** The URL to fetch: webcal:// is how feeds are offered for subscribing, the feed itself is HTTPS. */
export function feedUrl(url: string): string {
  return url.replace(/^webcal:\/\//i, 'https://');
}
