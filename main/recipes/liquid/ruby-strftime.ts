/**
 * Ruby's Time#strftime, flags and widths included (`%-d`, `%_m`, `%^a`, `%3N`, `%:z`), written
 * here because JavaScript has none and liquidjs's own follows C's subset. Month and day names
 * come from `names` so l_date can localise them.
 */
import { offsetText, type RubyTime } from './ruby-time.ts';

export interface DateNames {
  months: string[];
  monthsShort: string[];
  days: string[];
  daysShort: string[];
  /** [am, pm] as %p prints them; %P lowercases. */
  meridiem: [string, string];
}

export const ENGLISH_NAMES: DateNames = {
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  monthsShort: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  daysShort: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  meridiem: ['AM', 'PM'],
};

const COMPOSITES: Record<string, string> = {
  c: '%a %b %e %H:%M:%S %Y', D: '%m/%d/%y', F: '%Y-%m-%d', x: '%m/%d/%y', X: '%H:%M:%S',
  r: '%I:%M:%S %p', R: '%H:%M', T: '%H:%M:%S', v: '%e-%^b-%Y', '+': '%a %b %e %H:%M:%S %Z %Y',
};

const DAY_MS = 86_400_000;

function dayOfYear(wall: Date): number {
  return Math.floor((Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate()) - Date.UTC(wall.getUTCFullYear(), 0, 1)) / DAY_MS) + 1;
}

/** ISO 8601 week-numbering year and week. */
function isoWeek(wall: Date): { year: number; week: number } {
  const date = new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate()));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  return { year: date.getUTCFullYear(), week: Math.ceil(((date.getTime() - yearStart) / DAY_MS + 1) / 7) };
}

/** Week of the year with weeks starting on `firstDay` (0 Sunday for %U, 1 Monday for %W). */
function weekNumber(wall: Date, firstDay: number): number {
  const yday = dayOfYear(wall) - 1;
  const weekday = (wall.getUTCDay() - firstDay + 7) % 7;
  return Math.floor((yday + 7 - weekday) / 7);
}

interface Field {
  text: string;
  numeric: boolean;
  /** Default width and padding of a numeric field. */
  width?: number;
  pad?: '0' | ' ';
}

function field(time: RubyTime, wall: Date, directive: string, colons: number, precision: number, names: DateNames): Field | null {
  const number = (value: number, width: number, pad: '0' | ' ' = '0'): Field => ({ text: String(value), numeric: true, width, pad });
  const hour = wall.getUTCHours();
  switch (directive) {
    case 'Y': return { text: String(wall.getUTCFullYear()), numeric: true };
    case 'C': return number(Math.floor(wall.getUTCFullYear() / 100), 2);
    case 'y': return number(wall.getUTCFullYear() % 100, 2);
    case 'm': return number(wall.getUTCMonth() + 1, 2);
    case 'B': return { text: names.months[wall.getUTCMonth()], numeric: false };
    case 'b': case 'h': return { text: names.monthsShort[wall.getUTCMonth()], numeric: false };
    case 'd': return number(wall.getUTCDate(), 2);
    case 'e': return number(wall.getUTCDate(), 2, ' ');
    case 'j': return number(dayOfYear(wall), 3);
    case 'H': return number(hour, 2);
    case 'k': return number(hour, 2, ' ');
    case 'I': return number(hour % 12 || 12, 2);
    case 'l': return number(hour % 12 || 12, 2, ' ');
    case 'p': return { text: names.meridiem[hour < 12 ? 0 : 1], numeric: false };
    case 'P': return { text: names.meridiem[hour < 12 ? 0 : 1].toLowerCase(), numeric: false };
    case 'M': return number(wall.getUTCMinutes(), 2);
    case 'S': return number(wall.getUTCSeconds(), 2);
    case 'L': return { text: String(wall.getUTCMilliseconds()).padStart(3, '0').padEnd(precision || 3, '0').slice(0, precision || 3), numeric: false };
    case 'N': return { text: String(wall.getUTCMilliseconds()).padStart(3, '0').padEnd(precision || 9, '0').slice(0, precision || 9), numeric: false };
    case 'z': {
      const base = offsetText(time.offsetMinutes, colons > 0);
      return { text: colons === 2 ? `${base}:00` : base, numeric: false };
    }
    case 'Z': return { text: time.zoneName, numeric: false };
    case 'A': return { text: names.days[wall.getUTCDay()], numeric: false };
    case 'a': return { text: names.daysShort[wall.getUTCDay()], numeric: false };
    case 'u': return number(wall.getUTCDay() || 7, 1);
    case 'w': return number(wall.getUTCDay(), 1);
    case 'U': return number(weekNumber(wall, 0), 2);
    case 'W': return number(weekNumber(wall, 1), 2);
    case 'G': return { text: String(isoWeek(wall).year), numeric: true };
    case 'g': return number(isoWeek(wall).year % 100, 2);
    case 'V': return number(isoWeek(wall).week, 2);
    case 's': return { text: String(Math.floor(time.epochMs / 1000)), numeric: true };
    case 'Q': return { text: String(time.epochMs), numeric: true };
    case 'n': return { text: '\n', numeric: false };
    case 't': return { text: '\t', numeric: false };
    case '%': return { text: '%', numeric: false };
    default: return null;
  }
}

function applyFlags(value: Field, flags: string, width: number): string {
  let text = value.text;
  if (flags.includes('^')) text = text.toUpperCase();
  else if (flags.includes('#')) text = text === text.toUpperCase() ? text.toLowerCase() : text.toUpperCase();
  if (flags.includes('-')) return text;
  const targetWidth = width || value.width || 0;
  const pad = flags.includes('_') ? ' ' : flags.includes('0') ? '0' : value.numeric ? (value.pad ?? '0') : ' ';
  if (text.startsWith('-') && pad === '0') return `-${text.slice(1).padStart(targetWidth - 1, '0')}`;
  return text.padStart(targetWidth, pad);
}

export function rubyStrftime(time: RubyTime, format: string, names: DateNames = ENGLISH_NAMES): string {
  const wall = time.wall();
  return format.replace(/%([-_0^#]*)(\d*)(:{0,2})([a-zA-Z%+])/g, (whole, flags: string, widthText: string, colons: string, directive: string) => {
    if (COMPOSITES[directive]) return applyFlags({ text: rubyStrftime(time, COMPOSITES[directive], names), numeric: false }, flags, Number(widthText));
    const isFraction = directive === 'L' || directive === 'N';
    const value = field(time, wall, directive, colons.length, isFraction ? Number(widthText) : 0, names);
    if (!value) return whole;
    return isFraction ? value.text : applyFlags(value, flags, Number(widthText));
  });
}
