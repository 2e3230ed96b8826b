import { describe, expect, it } from 'vitest';
import { frameProgramOutdated } from '../../main/frame-program/version.ts';

describe('frameProgramOutdated', () => {
  it('compares the frame program version a display reports with the one the server hands out', () => {
    expect(frameProgramOutdated('inkstand-frame/0.1.0', '0.2.0')).toBe(true);
    expect(frameProgramOutdated('inkstand-frame/0.2.0', '0.2.0')).toBe(false);
    expect(frameProgramOutdated('inkstand-frame/0.10.0', '0.9.3')).toBe(false);
    expect(frameProgramOutdated('inkstand-frame/1.0.0', '0.9.3')).toBe(false);
  });

  it('has nothing to say about other firmware or an unknown version', () => {
    expect(frameProgramOutdated('1.5.7', '0.2.0')).toBeNull();
    expect(frameProgramOutdated(null, '0.2.0')).toBeNull();
    expect(frameProgramOutdated('inkstand-frame/0.1.0', null)).toBeNull();
  });
});
