import { decodeHTML } from 'entities';
import type { parseFeed } from 'feedsmith';
import { z } from 'zod';
import { decodeFeed } from './feed-decode.ts';
import { requestBytes, SourceError } from './source-http.ts';

/**
 * News feeds: RSS 0.9x/2.0, RDF, Atom and JSON Feed, parsed by feedsmith (lenient with malformed
 * real-world feeds, maps old elements to new ones, typed per format; chosen over
 * @extractus/feed-extractor, which fetches by itself and cannot be handed decoded text). What
 * feeds get wrong is put right here: encodings (feed-decode.ts), HTML and entities in titles,
 * links relative to the feed or xml:base, missing or unreadable dates, pictures in enclosures,
 * media:content, media:thumbnail, JSON Feed's image and attachments.
 */
export const feedSettings = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  max_items: z.number().int().min(1).max(50).default(10),
});

export type FeedSettings = z.infer<typeof feedSettings>;

export interface FeedStory {
  title: string;
  /** Absolute; null when the story has none. */
  link: string | null;
  /** ISO instant; null when the feed gives none it can be read from. */
  published: string | null;
  summary: string;
  /** An absolute picture URL, from the first place a picture is given. */
  image: string | null;
}

export interface FeedContent {
  title: string;
  link: string | null;
  stories: FeedStory[];
}

const MAX_FEED_BYTES = 10_000_000;
const SUMMARY_CHARS = 280;

export async function fetchFeed(settings: FeedSettings, signal?: AbortSignal): Promise<FeedContent> {
  const url = new URL(settings.url);
  const label = `the feed at ${url.host}`;
  const { body, contentType } = await requestBytes(settings.url, { label, signal, maxBytes: MAX_FEED_BYTES, headers: { accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5' } });
  return await readFeed(decodeFeed(body, contentType), settings.url, settings.max_items);
}

/** Reads a feed's text; `address` is where it came from (relative links resolve against it). Newest stories first; undated ones after, in feed order. */
export async function readFeed(text: string, address: string, maxItems = 50): Promise<FeedContent> {
  // The feed parser is loaded with the first feed read: a server without a feed card never needs it.
  const { parseFeed } = await import('feedsmith');
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(text.trimStart().startsWith('{') ? JSON.parse(text) : text);
  } catch (err) {
    if (/^\s*<(!doctype html|html)/i.test(text)) throw new SourceError('the address answered with a web page, not a feed (look for the RSS or Atom link on that page)');
    throw new SourceError(`not an RSS, Atom or JSON feed (${(err as Error).message})`);
  }
  const content = normalise(parsed, address);
  const dated = content.stories.filter((s) => s.published).sort((a, b) => b.published!.localeCompare(a.published!));
  return { ...content, stories: [...dated, ...content.stories.filter((s) => !s.published)].slice(0, maxItems) };
}

type Link = { href?: string; rel?: string; type?: string };
/** RSS and RDF items in one shape (RDF items have no pubDate or enclosures). */
type RssItem = {
  title?: string; link?: string; description?: string; pubDate?: unknown;
  content?: { encoded?: string }; dc?: { dates?: unknown[] };
  enclosures?: { url?: string; type?: string }[];
  media?: { contents?: { url?: string; medium?: string; type?: string }[]; thumbnails?: { url?: string }[] };
};

function normalise({ format, feed }: ReturnType<typeof parseFeed>, address: string): FeedContent {
  if (format === 'json') {
    const base = absolute(feed.home_page_url, address) ?? address;
    return {
      title: text(feed.title) || 'Feed',
      link: absolute(feed.home_page_url, address),
      stories: (feed.items ?? []).map((item) => story({
        title: item.title, summary: item.summary ?? item.content_text ?? item.content_html, link: item.url ?? item.external_url, base,
        dates: [item.date_published, item.date_modified],
        images: [item.image, item.banner_image, ...(item.attachments ?? []).filter((a) => a.mime_type?.startsWith('image/')).map((a) => a.url)],
      })),
    };
  }
  if (format === 'atom') {
    const base = absolute(feed.xml?.base, address) ?? address;
    const alternate = (links: Link[] | undefined) => links?.find((l) => !l.rel || l.rel === 'alternate')?.href;
    return {
      title: text(feed.title?.value) || 'Feed',
      link: absolute(alternate(feed.links), base),
      stories: (feed.entries ?? []).map((entry) => story({
        title: entry.title?.value, summary: entry.summary?.value ?? entry.content?.value, link: alternate(entry.links), base,
        dates: [entry.published, entry.updated],
        images: (entry.links ?? []).filter((l: Link) => l.rel === 'enclosure' && l.type?.startsWith('image/')).map((l: Link) => l.href),
      })),
    };
  }
  const base = absolute(feed.link, address) ?? address;
  return {
    title: text(feed.title) || 'Feed',
    link: absolute(feed.link, address),
    stories: ((feed.items ?? []) as RssItem[]).map((item) => story({
      title: item.title, summary: item.description ?? item.content?.encoded, link: item.link, base,
      dates: [item.pubDate, ...(item.dc?.dates ?? [])],
      images: [
        ...(item.enclosures ?? []).filter((e) => e.type?.startsWith('image/')).map((e) => e.url),
        ...(item.media?.contents ?? []).filter((m) => !m.medium || m.medium === 'image' || m.type?.startsWith('image/')).map((m) => m.url),
        ...(item.media?.thumbnails ?? []).map((t) => t.url),
        firstImageIn(item.description),
      ],
    })),
  };
}

function story(raw: { title?: string; summary?: string; link?: string; base: string; dates: unknown[]; images: (string | undefined)[] }): FeedStory {
  const summary = text(raw.summary);
  const title = text(raw.title) || shorten(summary, 90) || '(untitled)';
  return {
    title,
    link: absolute(raw.link, raw.base),
    published: raw.dates.map(instant).find((d) => d !== null) ?? null,
    summary: shorten(summary, SUMMARY_CHARS),
    image: raw.images.map((i) => absolute(i, raw.base)).find((i) => i !== null) ?? null,
  };
}

/**
 * Plain text from a feed's HTML-ish text: tags dropped, entities decoded (twice, for the feeds
 * that escape their escapes: "&amp;amp;"), whitespace collapsed. A regex is enough here: the text
 * is shown, never inserted as markup, so a tag it misreads costs a stray character, not safety.
 */
export function text(value: string | undefined): string {
  if (!value) return '';
  const once = decodeHTML(value.replace(/<[^>]*>/g, ' '));
  return decodeHTML(once.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}

function shorten(value: string, chars: number): string {
  return value.length > chars ? `${value.slice(0, chars - 1).replace(/\s+\S*$/, '')}…` : value;
}

function instant(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value !== 'string' || !value.trim()) return null;
  const ms = Date.parse(value.trim());
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function absolute(link: string | undefined, base: string): string | null {
  if (!link?.trim()) return null;
  try {
    const url = new URL(link.trim(), base);
    return /^https?:$/.test(url.protocol) ? url.toString() : null;
  } catch {
    return null;
  }
}

function firstImageIn(html: string | undefined): string | undefined {
  return html ? /<img[^>]+src\s*=\s*["']([^"']+)["']/i.exec(html)?.[1] : undefined;
}
