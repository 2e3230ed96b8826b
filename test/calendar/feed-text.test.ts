import { describe, expect, it } from 'vitest';
import { FeedError, IncompleteFeed, lineValue, propertyValue, readFeedText } from '../../main/calendar/feed-text.ts';

const EVENT = ['BEGIN:VEVENT', 'UID:a', 'DTSTART:20251020T100000Z', 'END:VEVENT'];

describe('readFeedText', () => {
  it('reads a feed with a byte-order mark, old Mac line ends and folded lines', () => {
    const { calendar, strayLines } = readFeedText(`\uFEFF${['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'UID:a', 'SUMMARY:Folded', '  summary', 'END:VEVENT', 'END:VCALENDAR'].join('\r')}`);
    expect(strayLines).toEqual([]);
    expect(calendar.components[0].lines).toEqual(['UID:a', 'SUMMARY:Folded summary']);
  });

  it('reads calendars sent one after the other as one', () => {
    const { calendar } = readFeedText([...['BEGIN:VCALENDAR', ...EVENT, 'END:VCALENDAR'], ...['BEGIN:VCALENDAR', ...EVENT, 'END:VCALENDAR']].join('\r\n'));
    expect(calendar.components.map((c) => c.name)).toEqual(['VEVENT', 'VEVENT']);
  });

  it('keeps quoted parameter values holding colons and semicolons, and drops what is no content line', () => {
    const { calendar, strayLines } = readFeedText(['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'X-APPLE-STRUCTURED-LOCATION;X-TITLE="Café: Am Markt; 1":geo:1,2', 'just text', 'END:VEVENT', 'trailing garbage', 'END:VCALENDAR'].join('\n'));
    expect(lineValue(calendar.components[0].lines[0])).toBe('geo:1,2');
    expect(propertyValue(calendar.components[0], 'X-APPLE-STRUCTURED-LOCATION')).toBe('geo:1,2');
    expect(strayLines).toEqual([{ line: 4, text: 'just text' }, { line: 6, text: 'trailing garbage' }]);
  });

  it.each([
    ['<!DOCTYPE html><html><body>Sign in</body></html>', 'the address answered with a web page, not a calendar (often a login page, or a private link that was reset)'],
    ['   ', 'the address answered with an empty file'],
    ['{"error":"not found"}', 'not an iCalendar file (it begins "{\\"error\\":\\"not found\\"}")'],
    ['BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VTODO\r\nEND:VCALENDAR\r\n', 'the feed is not well-formed: line 3 ends a VTODO while a VEVENT is open'],
  ])('refuses %j as a whole', (text, message) => {
    expect(() => readFeedText(text)).toThrow(new FeedError(message));
  });

  it.each([
    ['BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:b\r\nBEGIN:VALARM\r\n', 'the feed ended before END:VCALENDAR (the download was cut off inside a VALARM)'],
    ['BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nEND:VEVENT\r\n', 'the feed ended before END:VCALENDAR (the download was cut off)'],
    ['BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nEND:VEVENT\r\nEND:VCALENDARD\r\n', 'the feed ends with "END:VCALENDARD" instead of END:VCALENDAR (line 5), so it may not be complete'],
  ])('refuses %j as possibly incomplete, keeping only the complete components', (text, message) => {
    let error: unknown;
    try {
      readFeedText(text);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(IncompleteFeed);
    expect((error as IncompleteFeed).message).toBe(message);
    expect((error as IncompleteFeed).complete.calendar.components.map((c) => c.lines)).toEqual([['UID:a']]);
  });
});
