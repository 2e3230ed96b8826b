import { z } from 'zod';
import { requestJson, serviceUrl, SourceError } from './source-http.ts';
import { sortedTodos, type TodoItem, type TodoList } from './todos.ts';

/** Todoist's REST API v2 (`GET /rest/v2/tasks`, a personal API token from Settings → Integrations → Developer). */
export const todoistSettings = z.strictObject({
  base_url: z.url({ protocol: /^https?$/ }).default('https://api.todoist.com'),
  api_token: z.string().regex(/^[0-9a-f]{40}$/i, 'a Todoist API token is 40 hexadecimal characters (Settings → Integrations → Developer)'),
  project_id: z.string().regex(/^\w{1,40}$/).optional(),
  /** Todoist's own filter language, e.g. "today | overdue". */
  filter: z.string().max(500).optional(),
  max_items: z.number().int().min(1).max(100).default(20),
});

export type TodoistSettings = z.infer<typeof todoistSettings>;

interface TodoistTask {
  id: string;
  content: string;
  is_completed?: boolean;
  /** 4 is Todoist's "p1" (urgent), 1 its "p4" (none). */
  priority: number;
  due: { date: string; datetime?: string | null } | null;
  project_id: string;
}

/** Open tasks (Todoist lists only open ones), soonest due first. */
export async function fetchTodoistTasks(settings: TodoistSettings, signal?: AbortSignal): Promise<TodoList> {
  const label = `Todoist at ${new URL(settings.base_url).host}`;
  const tasks = await requestJson<TodoistTask[]>(serviceUrl(settings.base_url, 'rest/v2/tasks', { project_id: settings.project_id, filter: settings.filter }), {
    label, signal, headers: { authorization: `Bearer ${settings.api_token}` },
  });
  if (!Array.isArray(tasks)) throw new SourceError(`${label} did not answer with a task list`);
  const items = tasks.filter((t) => !t.is_completed && typeof t.content === 'string').map((t): TodoItem => ({
    title: t.content.replace(/\[([^\]]+)\]\([^)]+\)/g, '$1').trim() || '(untitled)', // markdown links show their text
    due: t.due ? (t.due.datetime ? new Date(t.due.datetime).toISOString() : t.due.date) : null,
    priority: (5 - Math.min(4, Math.max(1, t.priority))) as TodoItem['priority'],
    list: t.project_id,
  }));
  return sortedTodos(items, settings.max_items);
}
