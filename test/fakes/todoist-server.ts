import http from 'node:http';
import { listenOnLoopback } from './listen.ts';

export interface FakeTodoist {
  url: string;
  token: string;
  requests: URL[];
  close(): Promise<void>;
}

/** Answers like api.todoist.com's REST v2 `GET /rest/v2/tasks` (open tasks only; 401 with a plain-text body for a bad token). */
export async function startFakeTodoist(): Promise<FakeTodoist> {
  const token = '0123456789abcdef0123456789abcdef01234567';
  const requests: URL[] = [];
  const task = (id: string, content: string, priority: number, due: unknown, project = '2203306141') => ({
    id, content, description: '', is_completed: false, labels: [], order: 1, priority, project_id: project, section_id: null, parent_id: null,
    creator_id: '2671355', created_at: '2025-10-01T08:00:00.000000Z', assignee_id: null, assigner_id: null, comment_count: 0, url: `https://app.todoist.com/app/task/${id}`, duration: null, due,
  });
  const tasks = [
    task('7025', 'Renew [car insurance](https://insurer.example/renew)', 4, { date: '2025-10-20', string: 'Oct 20', lang: 'en', is_recurring: false }),
    task('7026', 'Water the plants', 1, { date: '2025-10-16', string: 'every 3 days', lang: 'en', is_recurring: true }),
    task('7027', 'Call the plumber', 3, { date: '2025-10-16', datetime: '2025-10-16T09:30:00.000000Z', string: 'Oct 16 9:30', lang: 'en', is_recurring: false, timezone: 'Europe/Berlin' }),
    task('7028', 'Read a book', 1, null, '2203306142'),
  ];
  const server = http.createServer((req, res) => {
    res.setHeader('connection', 'close');
    const url = new URL(req.url ?? '/', 'http://fake');
    requests.push(url);
    if (req.headers.authorization !== `Bearer ${token}`) return res.writeHead(401, { 'content-type': 'text/plain' }).end('Forbidden');
    if (url.pathname !== '/rest/v2/tasks') return res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
    const project = url.searchParams.get('project_id');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(tasks.filter((t) => !project || t.project_id === project)));
  });
  const { origin, close } = await listenOnLoopback(server);
  return { url: origin, token, requests, close };
}
