import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const FRAME = path.resolve(import.meta.dirname, '../../frame');
const INSTALL = path.join(FRAME, 'install.sh');

// install.sh itself runs on a Raspberry Pi (apt, raspi-config, systemd); here its syntax and the logic
// that is easy to get wrong — quoting options for the unit's ExecStart, the Waveshare module — are
// checked. The whole install, served by the server, runs in test/integration/frame-install.test.ts.
describe('frame/install.sh', () => {
  it('is valid bash', () => {
    execFileSync('bash', ['-n', INSTALL]);
  });

  it('quotes each option for systemd, escaping quotes, backslashes, $ and %', () => {
    const quote = (arg: string) =>
      execFileSync('bash', ['-c', `eval "$(sed -n '/^systemd_quote()/,/^}/p' "$0")"; systemd_quote "$1"`, INSTALL, arg], { encoding: 'utf8' });
    expect(quote('inky')).toBe('"inky"');
    expect(quote('command:show-img --label "Kitchen" $HOME\\x 100%')).toBe('"command:show-img --label \\"Kitchen\\" $$HOME\\\\x 100%%"');
  });

  it('takes the Waveshare driver module from the backend, the 7.5" V2 without one', () => {
    const moduleOf = (backend: string) =>
      execFileSync('bash', ['-c', `eval "$(sed -n '/^waveshare_module()/,/^}/p' "$0")"; backend=$1; waveshare_module`, INSTALL, backend], { encoding: 'utf8' }).trim();
    expect(moduleOf('waveshare')).toBe('epd7in5_V2');
    expect(moduleOf('waveshare:epd7in3f')).toBe('epd7in3f');
    expect(moduleOf('waveshare:epd4in2bc:yellow')).toBe('epd4in2bc');
    expect(moduleOf('waveshare:epd4in2:4grey')).toBe('epd4in2');
  });

  it('installs a unit that always restarts and never stops trying', () => {
    const unit = fs.readFileSync(path.join(FRAME, 'inkstand-frame.service'), 'utf8');
    expect(unit).toMatch(/^Restart=always$/m);
    expect(unit).toMatch(/^StartLimitIntervalSec=0$/m);
    expect(unit).toMatch(/^User=inkstand-frame$/m);
  });
});
