import { describe, expect, it } from 'vitest';
import { ianaZone, knownZone, windowsDisplayNameZone } from '../../main/calendar/zones.ts';

describe('knownZone', () => {
  it.each([
    ['Europe/Berlin', 'Europe/Berlin'],
    ['europe/berlin', 'Europe/Berlin'],
    ['W. Europe Standard Time', 'Europe/Berlin'],
    ['Eastern Standard Time', 'America/New_York'],
    ['/freeassociation.sourceforge.net/Tzfile/America/Los_Angeles', 'America/Los_Angeles'],
    ['/mozilla.org/20050126_1/Europe/Paris', 'Europe/Paris'],
    ['posix/Europe/Vaduz', 'Europe/Vaduz'],
    ['/Europe/Stockholm', 'Europe/Stockholm'],
  ])('reads %j as %s', (tzid, iana) => {
    expect(knownZone(tzid)?.name).toBe(iana);
  });

  it.each(['Western/Central Europe', '(UTC-03:00) Brasília', 'GMT +1', 'Club Local Time', ''])('does not guess a zone for %j', (tzid) => {
    expect(knownZone(tzid)).toBeNull();
  });
});

describe('windowsDisplayNameZone', () => {
  it.each([
    ['"(UTC+07:00) Bangkok, Hanoi, Jakarta"', 'Asia/Bangkok'],
    ['(GMT+07:00) Bangkok, Hanoi, Jakarta', 'Asia/Bangkok'],
    ['(UTC-06:00) Central Time (US & Canada)', 'America/Chicago'],
    ['(UTC+01:00)  Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna', 'Europe/Berlin'],
  ])('reads Exchange\'s display name %j as %s', (tzid, iana) => {
    expect(windowsDisplayNameZone(tzid)?.name).toBe(iana);
  });

  it.each(['(UTC+07:00) Somewhere', '(UTC+07:00)', 'Europe/Berlin'])('does not guess from the offset alone: %j', (tzid) => {
    expect(windowsDisplayNameZone(tzid)).toBeNull();
  });
});

describe('ianaZone', () => {
  const berlin = ianaZone('Europe/Berlin')!;
  const wall = (iso: string) => Date.parse(`${iso}Z`);

  it('places wall times around DST changes as RFC 5545 says', () => {
    expect(new Date(berlin.instantOf(wall('2025-10-26T02:30:00'))).toISOString()).toBe('2025-10-26T00:30:00.000Z'); // twice: the first
    expect(new Date(berlin.instantOf(wall('2025-03-30T02:30:00'))).toISOString()).toBe('2025-03-30T01:30:00.000Z'); // skipped: on by the gap
    expect(new Date(berlin.wallOf(Date.parse('2025-10-26T01:30:00Z'))).toISOString()).toBe('2025-10-26T02:30:00.000Z');
    expect(new Date(ianaZone('Asia/Kathmandu')!.instantOf(wall('2025-07-01T17:45:00'))).toISOString()).toBe('2025-07-01T12:00:00.000Z');
  });
});
