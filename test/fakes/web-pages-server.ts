import http from 'node:http';
import { listenOnLoopback } from './listen.ts';

export interface FakeWebPages {
  url: string;
  /** The requests that reached it: path and headers. */
  seen: { path: string; headers: http.IncomingHttpHeaders }[];
  /** Makes every page answer 500 (a failing site) until set back. */
  failing: boolean;
  close(): Promise<void>;
}

const page = (body: string, script = '') => `<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body { margin: 0; font: 700 44px sans-serif; background: #fff; color: #000; }
.block { position: absolute; padding: 8px; }
</style></head><body>${body}<script>${script}</script></body></html>`;

/**
 * Web pages for the web page screen: one whose content comes late (for the selector wait), one
 * behind a bearer token, one behind a cookie, a stand-in for Home Assistant's Lovelace that signs
 * in from `hassTokens` in localStorage, and one laid out in quarters (for zoom and crop). `picture`
 * points at another origin's image, to see what headers reach a third party.
 */
export async function startFakeWebPages(options: { pictureUrl?: string } = {}): Promise<FakeWebPages> {
  const fake: FakeWebPages = { url: '', seen: [], failing: false, close: async () => undefined };
  const picture = options.pictureUrl ? `<img src="${options.pictureUrl}" width="8" height="8">` : '';
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    fake.seen.push({ path, headers: req.headers });
    const send = (status: number, html: string) => res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    if (fake.failing) return send(500, page('<p>Server error</p>'));
    if (path === '/late') {
      return send(200, page('<p class="block" style="top:20px;left:20px">Tide table</p>',
        `setTimeout(() => { const el = document.createElement('p'); el.id = 'late'; el.className = 'block'; el.style.cssText = 'top:200px;left:20px'; el.textContent = 'High water 14:32'; document.body.append(el); }, 3000);`));
    }
    if (path === '/meter') {
      if (req.headers.authorization !== 'Bearer meter-token-123') return send(401, page('<p>Unauthorized</p>'));
      return send(200, page(`<p class="block" style="top:40px;left:40px">Meter reading 4711</p>${picture}`));
    }
    if (path === '/garden') {
      if (!/(?:^|;\s*)session=garden-cookie(?:;|$)/.test(req.headers.cookie ?? '')) return send(403, page('<p>Forbidden</p>'));
      return send(200, page('<p class="block" style="top:40px;left:40px">Soil moisture 38%</p>'));
    }
    if (path === '/lovelace') {
      // Like HA's frontend: the dashboard only shows with tokens in localStorage, inside shadow DOM.
      return send(200, page('<p class="block" id="login" style="top:40px;left:40px">Log in to Home Assistant</p>', `
        customElements.define('hui-view', class extends HTMLElement { constructor() { super(); this.attachShadow({ mode: 'open' }); } });
        const tokens = JSON.parse(localStorage.getItem('hassTokens') || 'null');
        if (tokens && tokens.access_token && tokens.hassUrl === location.origin) setTimeout(() => {
          document.getElementById('login').remove();
          const view = document.createElement('hui-view');
          view.shadowRoot.innerHTML = '<p class="block" style="top:40px;left:40px;margin:0">Living room 21.5 °C</p><p class="block" style="top:140px;left:40px;margin:0">Token ' + tokens.access_token.slice(-6) + '</p>';
          document.body.append(view);
        }, 1000);`));
    }
    if (path === '/quarters') {
      return send(200, page(['Alpha', 'Bravo', 'Charlie', 'Delta'].map((word, i) => `<p class="block" style="left:${(i % 2) * 400 + 20}px;top:${Math.floor(i / 2) * 240 + 60}px;margin:0">${word}</p>`).join('')));
    }
    send(404, page('<p>Not found</p>'));
  });
  const listening = await listenOnLoopback(server);
  fake.url = listening.origin;
  fake.close = listening.close;
  return fake;
}
