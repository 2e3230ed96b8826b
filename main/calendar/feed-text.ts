/**
 * The first look at a downloaded feed: is it a whole iCalendar file, and what are its components.
 * Real feeds break in a few typical ways, and each gets its own reading:
 * - a web page (an expired link or a login page answers 200 with HTML) or anything else that is
 *   not iCalendar, a download cut off before END:VCALENDAR, a file whose last line is not
 *   END:VCALENDAR (Exchange has sent "END:VCALENDARD"): the feed is refused as a whole
 *   (IncompleteFeed), so the events stored from the last good download stay; the components that
 *   were complete travel with the error, for a first download that has nothing to protect;
 * - a line that is no content line (a PHP warning printed into the feed, the second line of a
 *   text whose line break was not folded): the line is dropped and counted, as Python's icalendar
 *   and libical do inside components.
 */

export class FeedError extends Error {}

/** A feed that may be missing its end: refused, but with what was complete in it (open components left out). */
export class IncompleteFeed extends FeedError {
  constructor(message: string, readonly complete: FeedText) {
    super(message);
  }
}

export interface RawComponent {
  name: string;
  /** Unfolded content lines of this component itself, without BEGIN/END and sub-components. */
  lines: string[];
  components: RawComponent[];
  /** 1-based line of its BEGIN in the file, for messages. */
  line: number;
}

export interface FeedText {
  calendar: RawComponent;
  /** Lines that were no content lines, dropped: their line numbers and text (shortened). */
  strayLines: { line: number; text: string }[];
}

/** A content line: NAME *(;PARAM=value *(,value)) : value, where a parameter value may be quoted and hold ':' or ';'. */
const CONTENT_LINE = /^[A-Za-z0-9-]+(;[A-Za-z0-9-]+=("[^"]*"|[^";:,]*)(,("[^"]*"|[^";:,]*))*)*:/;

export function readFeedText(text: string): FeedText {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.trimStart().split(/\r\n|\n|\r/, 1)[0] ?? '';
  if (!/^BEGIN:VCALENDAR\s*$/i.test(firstLine)) throw new FeedError(notCalendar(body));
  const lines = unfold(body);
  const strayLines: FeedText['strayLines'] = [];
  const stack: RawComponent[] = [];
  let calendar: RawComponent | undefined;
  for (const { text: line, number } of lines) {
    if (line.trim() === '') continue;
    const name = CONTENT_LINE.test(line) ? line.slice(0, line.search(/[;:]/)).toUpperCase() : undefined;
    const value = lineValue(line).toUpperCase();
    if (calendar && stack.length === 0 && name === 'BEGIN' && value === 'VCALENDAR') {
      stack.push(calendar); // some servers send several calendars one after the other: read them as one
      continue;
    }
    if (!name || (calendar && stack.length === 0)) {
      strayLines.push({ line: number, text: shorten(line) });
      continue;
    }
    if (name === 'BEGIN') {
      const component: RawComponent = { name: value, lines: [], components: [], line: number };
      stack.at(-1)?.components.push(component);
      stack.push(component);
      calendar ??= component;
    } else if (name === 'END') {
      const open = stack.at(-1);
      if (open?.name === 'VCALENDAR' && stack.length === 1 && value.startsWith('VCALENDAR') && value !== 'VCALENDAR') {
        throw new IncompleteFeed(`the feed ends with "END:${value}" instead of END:VCALENDAR (line ${number}), so it may not be complete`, { calendar: calendar!, strayLines });
      }
      if (open?.name !== value) throw new FeedError(endMismatch(value, open, number));
      stack.pop();
    } else {
      stack.at(-1)?.lines.push(line);
    }
  }
  if (!calendar) throw new FeedError('the feed ended before END:VCALENDAR (the download was cut off)');
  if (stack.length > 0) {
    const message = `the feed ended before END:VCALENDAR (the download was cut off${stack.length > 1 ? ` inside a ${stack.at(-1)!.name}` : ''})`;
    for (let depth = stack.length - 1; depth > 0; depth--) stack[depth - 1].components = stack[depth - 1].components.filter((c) => c !== stack[depth]);
    throw new IncompleteFeed(message, { calendar, strayLines });
  }
  return { calendar, strayLines };
}

function endMismatch(value: string, open: RawComponent | undefined, line: number): string {
  return `the feed is not well-formed: line ${line} ends a ${value} while ${open ? `a ${open.name} is open` : 'nothing is open'}`;
}

function notCalendar(body: string): string {
  if (/^\s*(<!doctype html|<html|<head|<body)/i.test(body)) return 'the address answered with a web page, not a calendar (often a login page, or a private link that was reset)';
  if (body.trim() === '') return 'the address answered with an empty file';
  return `not an iCalendar file (it begins ${JSON.stringify(body.trim().slice(0, 40))})`;
}

/** Joins folded lines (a line break followed by a space or tab continues the line), keeping each line's number. */
function unfold(text: string): { text: string; number: number }[] {
  const result: { text: string; number: number }[] = [];
  text.split(/\r\n|\n|\r/).forEach((line, index) => {
    const last = result.at(-1);
    if (last && (line.startsWith(' ') || line.startsWith('\t'))) last.text += line.slice(1);
    else result.push({ text: line, number: index + 1 });
  });
  return result;
}

function shorten(line: string): string {
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}

/** The text of a component as iCalendar lines, for a parser that reads one component. */
export function componentText(component: RawComponent): string {
  return [`BEGIN:${component.name}`, ...component.lines, ...component.components.map(componentText), `END:${component.name}`].join('\r\n');
}

/** Where a content line's value starts: after the first ':' that is not inside a quoted parameter value. */
function valueStart(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ':' && !quoted) return i + 1;
  }
  return line.length;
}

/** The value of a content line (everything after the parameters). */
export function lineValue(line: string): string {
  return line.slice(valueStart(line)).trim();
}

/** The name and parameters of a content line (everything before the value's ':'). */
export function lineHead(line: string): string {
  return line.slice(0, valueStart(line) - 1);
}

/** The value of a component's first property of that name. */
export function propertyValue(component: RawComponent, name: string): string | undefined {
  const line = component.lines.find((l) => l.length > name.length && l.slice(0, name.length).toUpperCase() === name && ';:'.includes(l[name.length]));
  return line === undefined ? undefined : lineValue(line);
}
