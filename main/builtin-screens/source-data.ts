import QRCode from 'qrcode';
import { z } from 'zod';
import { caldavSettings, fetchCaldavTodos } from '../sources/caldav.ts';
import { feedSettings, fetchFeed } from '../sources/feeds.ts';
import { fetchHomeAssistantStates, type homeAssistantSettings, type EntityView } from '../sources/home-assistant.ts';
import { fetchTodoistTasks, todoistSettings } from '../sources/todoist.ts';
import { typedTodos, type TodoItem, type TodoList } from '../sources/todos.ts';
import { formatInstant, localDay, type LoadContext } from './time-data.ts';

export const todosScreenSettings = z.discriminatedUnion('source', [
  z.strictObject({ source: z.literal('caldav'), caldav: caldavSettings }),
  z.strictObject({ source: z.literal('todoist'), todoist: todoistSettings }),
  z.strictObject({ source: z.literal('typed'), text: z.string().max(10_000), max_items: z.number().int().min(1).max(100).default(20) }),
]);

export async function todosData(settings: z.infer<typeof todosScreenSettings>, context: LoadContext) {
  let list: TodoList;
  if (settings.source === 'caldav') list = await fetchCaldavTodos(settings.caldav);
  else if (settings.source === 'todoist') list = await fetchTodoistTasks(settings.todoist, context.signal);
  else list = typedTodos(settings.text, settings.max_items);
  const source = { caldav: 'CalDAV', todoist: 'Todoist', typed: '' }[settings.source];
  return { items: list.items.map((item) => ({ title: item.title, priority: item.priority, due: item.due })), more: list.more, source };
}

/** When drawn: each item's due day or time in the display's zone. */
export function presentTodos(data: { items?: (Pick<TodoItem, 'due'> & { when?: string })[] }, context: LoadContext) {
  return { ...data, items: (data.items ?? []).map((item) => ('due' in item ? { ...item, when: dueText(item, context) } : item)) };
}

/** "overdue", "today", "tomorrow 09:30", "Fri 17 Oct". */
function dueText(item: Pick<TodoItem, 'due'>, context: LoadContext): string {
  if (!item.due) return '';
  const timed = item.due.includes('T');
  const instant = new Date(timed ? item.due : `${item.due}T12:00:00Z`);
  const day = timed ? localDay(instant, context.timeZone) : item.due;
  const today = localDay(context.now, context.timeZone);
  const tomorrow = localDay(new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000), 'UTC');
  const time = timed ? ` ${new Intl.DateTimeFormat(context.locale, { timeZone: context.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant)}` : '';
  if (day < today) return 'overdue';
  if (day === today) return `today${time}`;
  if (day === tomorrow) return `tomorrow${time}`;
  return new Intl.DateTimeFormat(context.locale, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(`${day}T12:00:00Z`)) + time;
}

export const feedScreenSettings = feedSettings.extend({ qr_code: z.boolean().default(true) });

export async function feedData(settings: z.infer<typeof feedScreenSettings>, context: LoadContext) {
  const feed = await fetchFeed(settings, context.signal);
  const stories = feed.stories.map((story) => ({ title: story.title, published: story.published, link: story.link ?? '', image: story.image ?? '' }));
  const top = settings.qr_code ? stories.find((s) => s.link)?.link : undefined;
  return { feed_title: feed.title, stories, qr_link: top ?? '', ...(top ? await qrPicture(top) : { qr_src: '', qr_px: 0 }) };
}

/** When drawn: each story's time in the display's zone. */
export function presentFeed(data: { stories?: { published?: string | null }[] }, context: LoadContext) {
  const when = (published: string | null) => (published ? formatInstant(published, context, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }) : '');
  return { ...data, stories: (data.stories ?? []).map((story) => ('published' in story ? { ...story, when: when(story.published ?? null) } : story)) };
}

const QR_CSS_PX_PER_MODULE = 4;

/**
 * The story's QR code as a PNG data URI (the markup engine draws pictures, not inline SVG) at 8
 * pixels a module, shown at 4 CSS pixels a module: whole pixels per module on 800×480 and on 2×
 * panels, so it stays sharp black and white through scaling and dithering and scans.
 */
async function qrPicture(link: string): Promise<{ qr_src: string; qr_px: number }> {
  const modules = QRCode.create(link, { errorCorrectionLevel: 'M' }).modules.size + 2;
  const qr_src = await QRCode.toDataURL(link, { errorCorrectionLevel: 'M', margin: 1, scale: QR_CSS_PX_PER_MODULE * 2 });
  return { qr_src, qr_px: modules * QR_CSS_PX_PER_MODULE };
}

export { homeAssistantSettings } from '../sources/home-assistant.ts';

export async function homeAssistantData(settings: z.infer<typeof homeAssistantSettings>, context: LoadContext) {
  return entitiesData(await fetchHomeAssistantStates(settings, context.signal));
}

/** The entities as they are stored; the live websocket updates store the same shape. */
export function entitiesData(entities: EntityView[]) {
  return { entities: entities.map((e) => ({ name: e.name, state: e.state, unit: e.unit ?? '', icon: e.icon ?? '', changed_at: e.lastChanged })) };
}

/** When drawn: each entity's last change in the display's zone. */
export function presentEntities(data: { entities?: { changed_at?: string | null }[] }, context: LoadContext) {
  const changed = (iso: string | null) => (iso ? formatInstant(iso, context, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }) : '');
  return { ...data, entities: (data.entities ?? []).map((e) => ('changed_at' in e ? { ...e, changed: changed(e.changed_at ?? null) } : e)) };
}
