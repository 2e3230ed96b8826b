import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedSettings, fetchFeed } from '../../main/sources/feeds.ts';
import { SourceError } from '../../main/sources/source-http.ts';
import { startFakeFeedServer, type FakeFeedServer } from '../fakes/feed-server.ts';

let server: FakeFeedServer;
beforeAll(async () => {
  server = await startFakeFeedServer();
});
afterAll(() => server.close());

const read = (route: string, maxItems = 10) => fetchFeed(feedSettings.parse({ url: `${server.url}${route}`, max_items: maxItems }));

describe('feeds with the quirks of real ones', () => {
  it('RSS 2.0: HTML and double escapes in titles, relative links, enclosures, media:content, dc:date, bad dates, a lost title', async () => {
    server.serve('/news/rss', 'rss2-quirks.xml', 'application/rss+xml; charset=utf-8');
    const feed = await read('/news/rss');
    expect(feed.title).toBe('Harbour Town News');
    expect(feed.stories).toEqual([
      { title: 'Breaking: Ferry timetable changes & new routes', link: 'https://news.example.org/2025/10/ferry-timetable', published: '2025-10-15T07:45:00.000Z', summary: 'The ferry company announced new routes.', image: 'https://news.example.org/img/ferry.jpg' },
      { title: 'Market day moves to Saturday', link: 'https://news.example.org/2025/10/market-day', published: '2025-10-14T14:20:00.000Z', summary: 'From next week the market is on Saturdays.', image: 'https://cdn.example.org/market.jpg' },
      { title: 'Podcast: the harbour master', link: 'https://news.example.org/podcast/12', published: '2025-10-14T14:00:00.000Z', summary: '', image: 'https://news.example.org/img/podcast-12.png' },
      expect.objectContaining({ title: expect.stringMatching(/^A story whose title the CMS lost: the summary stands in for it, cut to length when it.*…$/), published: null, link: 'https://news.example.org/2025/10/untitled' }),
    ]);
  });

  it('RSS 0.91 in ISO-8859-1 with no dates and links relative to the channel', async () => {
    server.serve('/gemeinde.rss', 'rss091-latin1.xml', 'text/xml');
    const feed = await read('/gemeinde.rss');
    expect(feed.title).toBe('Gemeindeblätt Zürich');
    expect(feed.stories.map((s) => [s.title, s.link, s.published])).toEqual([
      ['Straßenfest am Seeufer', 'https://gemeinde.example.ch/aktuell/strassenfest.html', null],
      ['Müllabfuhr: Änderungen für Oktober', 'https://gemeinde.example.ch/aktuell/muell.html', null],
    ]);
  });

  it('Windows-1252 bytes served as UTF-8 with no declaration, and a UTF-8 file with a BOM', async () => {
    server.serve('/cafe.rss', 'rss-undeclared-cp1252.xml', 'application/xml; charset=utf-8');
    expect((await read('/cafe.rss')).stories[0].title).toBe('Crêpe du jour – sucrée');
    server.serve('/bom.rss', 'rss-bom.xml', 'application/rss+xml; charset=iso-8859-1');
    expect((await read('/bom.rss')).stories[0].title).toBe('Café opens');
  });

  it('Atom: xml:base, html and xhtml titles, enclosure links, updated when published is missing', async () => {
    server.serve('/blog/feed.atom', 'atom-relative.xml', 'application/atom+xml');
    const feed = await read('/blog/feed.atom');
    expect(feed.title).toBe("Ann's garden blog");
    expect(feed.link).toBe('https://blog.example.net/');
    expect(feed.stories).toEqual([
      { title: 'Dahlias & frost', link: 'https://blog.example.net/posts/dahlias', published: '2025-10-13T12:00:00.000Z', summary: 'Lifting the tubers before the first frost.', image: 'https://blog.example.net/media/dahlias.jpg' },
      { title: 'Seed swap on Sunday', link: 'https://blog.example.net/posts/seed-swap', published: '2025-10-10T07:00:00.000Z', summary: '', image: null },
    ]);
  });

  it('JSON Feed: relative url and image, content_text standing in for a title, image attachments, an undated item last', async () => {
    server.serve('/feed.json', 'json-feed.json', 'application/feed+json');
    const feed = await read('/feed.json', 2);
    expect(feed.stories).toEqual([
      { title: 'Track closed on Tuesday for maintenance.', link: null, published: '2025-10-14T07:00:00.000Z', summary: 'Track closed on Tuesday for maintenance.', image: 'https://runners.example.com/map.png' },
      { title: 'Autumn race: results', link: 'https://runners.example.com/2025/autumn-race', published: '2025-10-12T16:00:00.000Z', summary: 'Results are in.', image: 'https://runners.example.com/images/autumn-race.jpg' },
    ]);
  });

  it('says what is wrong with a page that is not a feed, a missing feed and settings', async () => {
    server.answer('/page', 200, '<!DOCTYPE html><html><head><title>News</title></head><body>…</body></html>');
    await expect(read('/page')).rejects.toThrow(new SourceError('the address answered with a web page, not a feed (look for the RSS or Atom link on that page)'));
    await expect(read('/gone')).rejects.toThrow(/answered HTTP 404: not found/);
    expect(feedSettings.safeParse({ url: 'javascript:alert(1)' }).success).toBe(false);
    expect(feedSettings.safeParse({ url: 'https://x.example/feed', max_items: 0 }).success).toBe(false);
  });
});
