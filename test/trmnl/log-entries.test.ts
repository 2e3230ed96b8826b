import { describe, expect, it } from 'vitest';
import { LogPayloadError, parseLogPayload } from '../../main/trmnl/log-entries.ts';

describe('device log payloads', () => {
  it('reads firmware 1.x entries ({"log": {"logs_array": [...]}})', () => {
    const [entry] = parseLogPayload({ log: { logs_array: [{ creation_timestamp: 1742000523, device_status_stamp: { wifi_rssi_level: -54, wakeup_reason: 'timer' }, log_id: 7, log_message: 'returned code is not OK. Code - 404', log_codeline: 1538, log_sourcefile: 'src/bl.cpp', additional_info: { filename_current: 'photo-1', filename_new: '' } }] } });
    expect(entry).toEqual({
      loggedAt: new Date('2025-03-15T01:02:03Z'),
      message: 'returned code is not OK. Code - 404',
      source: 'src/bl.cpp:1538',
      details: JSON.stringify({ device_status_stamp: { wifi_rssi_level: -54, wakeup_reason: 'timer' }, log_id: 7, additional_info: { filename_current: 'photo-1', filename_new: '' } }),
    });
  });

  it('reads the revised shape ({"logs": [...]}) and ignores clocks that never synced', () => {
    const entries = parseLogPayload({ logs: [{ message: 'Danger!', created_at: 12, source_path: 'src/bl.cpp', source_line: 5 }, { message: '  spaced  ' }] });
    expect(entries.map((e) => [e.message, e.loggedAt, e.source, e.details])).toEqual([['Danger!', null, 'src/bl.cpp:5', null], ['spaced', null, null, null]]);
  });

  it('cuts a very long message rather than losing it', () => {
    expect(parseLogPayload({ logs: [{ message: 'x'.repeat(5000) }] })[0].message).toHaveLength(1000);
  });

  it.each([
    undefined, null, 'text', [], {}, { logs: [] }, { logs: 'x' }, { logs: [1] }, { logs: [{}] }, { logs: [{ message: '' }] },
    { logs: [{ message: 'ok' }, { message: 3 }] }, { log: { logs_array: [{ message: 7 }] } }, { logs: Array.from({ length: 51 }, () => ({ message: 'x' })) },
    { logs: [{ message: 'x', blob: 'y'.repeat(5000) }] },
  ])('refuses %j whole', (body) => {
    expect(() => parseLogPayload(body)).toThrow(LogPayloadError);
  });
});
