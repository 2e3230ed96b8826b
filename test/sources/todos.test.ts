import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourceError } from '../../main/sources/source-http.ts';
import { fetchTodoistTasks, todoistSettings } from '../../main/sources/todoist.ts';
import { typedTodos } from '../../main/sources/todos.ts';
import { startFakeTodoist, type FakeTodoist } from '../fakes/todoist-server.ts';

let todoist: FakeTodoist;
beforeAll(async () => {
  todoist = await startFakeTodoist();
});
afterAll(() => todoist.close());

describe('Todoist', () => {
  it('lists open tasks, soonest first, with priorities turned round and markdown links as text', async () => {
    const list = await fetchTodoistTasks(todoistSettings.parse({ base_url: todoist.url, api_token: todoist.token }));
    expect(list.items).toEqual([
      { title: 'Water the plants', due: '2025-10-16', priority: 4, list: '2203306141' },
      { title: 'Call the plumber', due: '2025-10-16T09:30:00.000Z', priority: 2, list: '2203306141' },
      { title: 'Renew car insurance', due: '2025-10-20', priority: 1, list: '2203306141' },
      { title: 'Read a book', due: null, priority: 4, list: '2203306142' },
    ]);
  });

  it('passes the project and filter on', async () => {
    const list = await fetchTodoistTasks(todoistSettings.parse({ base_url: todoist.url, api_token: todoist.token, project_id: '2203306142', filter: 'today | overdue' }));
    expect(list.items.map((i) => i.title)).toEqual(['Read a book']);
    expect(todoist.requests.at(-1)!.searchParams.get('filter')).toBe('today | overdue');
  });

  it('says the token was refused, and validates the token', async () => {
    await expect(fetchTodoistTasks(todoistSettings.parse({ base_url: todoist.url, api_token: 'f'.repeat(40) }))).rejects.toThrow(new SourceError(`Todoist at ${new URL(todoist.url).host} refused the request (HTTP 401): check the token or API key: Forbidden`));
    expect(todoistSettings.safeParse({ api_token: 'not-a-token' }).error?.issues[0].message).toMatch(/40 hexadecimal characters/);
  });
});

describe('a list typed in the UI', () => {
  it('shows one item per line, leaves done ones out and counts what does not fit', () => {
    expect(typedTodos('- Buy stamps\n[x] Post the letter\n\n* Fix the bike\nx Call grandma\n[ ] Return library books', 2)).toEqual({
      items: [{ title: 'Buy stamps', due: null, priority: 4, list: 'typed' }, { title: 'Fix the bike', due: null, priority: 4, list: 'typed' }],
      more: 1,
    });
  });
});
