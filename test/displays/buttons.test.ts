import { describe, expect, it } from 'vitest';
import { actionFor, DEFAULT_BUTTON_MAP, parseButtonMap } from '../../main/displays/buttons.ts';

describe('button map', () => {
  it('has the documented defaults', () => {
    expect(actionFor(DEFAULT_BUTTON_MAP, 'A', 'press')).toEqual({ action: 'next' });
    expect(actionFor(DEFAULT_BUTTON_MAP, 'B', 'press')).toEqual({ action: 'override', mode: 'dashboard', minutes: 30 });
    expect(actionFor(DEFAULT_BUTTON_MAP, 'C', 'press')).toEqual({ action: 'favourite' });
    expect(actionFor(DEFAULT_BUTTON_MAP, 'D', 'press')).toEqual({ action: 'schedule' });
  });

  it('lets a display override a button and a long press, falling back to the plain press', () => {
    const map = parseButtonMap(JSON.stringify({ A: { action: 'previous' }, 'B:long': { action: 'dislike' } }));
    expect(actionFor(map, 'A', 'press')).toEqual({ action: 'previous' });
    expect(actionFor(map, 'A', 'long')).toEqual({ action: 'previous' });
    expect(actionFor(map, 'B', 'long')).toEqual({ action: 'dislike' });
    expect(actionFor(map, 'C', 'long')).toEqual({ action: 'favourite' });
  });

  it('refuses unknown actions and keys', () => {
    expect(() => parseButtonMap(JSON.stringify({ A: { action: 'explode' } }))).toThrow();
    expect(() => parseButtonMap(JSON.stringify({ E: { action: 'next' } }))).toThrow();
  });
});
