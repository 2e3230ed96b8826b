/** A to-do as every to-do source gives it (CalDAV VTODO, Todoist, a list typed in the UI). */
export interface TodoItem {
  title: string;
  /** YYYY-MM-DD for a due day, an ISO instant for a due time; null when not due. */
  due: string | null;
  /** 1 (most urgent) to 4 (none), Todoist's scale shown the other way round; CalDAV's 1–9 folded onto it. */
  priority: 1 | 2 | 3 | 4;
  /** Where the item lives (a CalDAV list's name, a Todoist project id), for screens that show several. */
  list: string;
}

export interface TodoList {
  items: TodoItem[];
  /** Open items that were not shown because of the limit. */
  more: number;
}

/** Overdue and soonest due first, undated after; equal dues by priority, then title. */
export function sortedTodos(items: readonly TodoItem[], limit: number): TodoList {
  const dueKey = (item: TodoItem) => item.due ?? '9999';
  const sorted = [...items].sort((a, b) => dueKey(a).localeCompare(dueKey(b)) || a.priority - b.priority || a.title.localeCompare(b.title));
  return { items: sorted.slice(0, limit), more: Math.max(0, sorted.length - limit) };
}

/** "A list typed in the UI": one item per line; a line starting "x " or "[x]" is done and hidden. */
export function typedTodos(text: string, limit: number): TodoList {
  const items = text.split(/\r?\n/).map((line) => line.trim().replace(/^[-*•]\s+/, '')).filter((line) => line && !/^(x\s|\[x\])/i.test(line))
    .map((title): TodoItem => ({ title: title.replace(/^\[ \]\s*/, ''), due: null, priority: 4, list: 'typed' }));
  return { items: items.slice(0, limit), more: Math.max(0, items.length - limit) };
}
