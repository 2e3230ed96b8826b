import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { findBuiltinProfile } from '../../main/imaging/profiles.ts';
import { FRAME_DIR, PYTHON, STANDINS_DIR } from '../helpers/frame-program.ts';

// The frame bootstraps a Waveshare panel with the profile its table names; the server must have that
// profile at the driver's size, with as many colours as the driver takes.
const LIST_PANELS = `
import json
from inkstand_frame.backends.waveshare import WaveshareBackend
from inkstand_frame.backends.waveshare_panels import PANELS
out = []
for spec, panel in PANELS.items():
    backend = WaveshareBackend(spec)
    out.append({"spec": spec, "profile": panel.profile, "kind": panel.kind, "colours": len(panel.colours), "size": [backend.width, backend.height]})
print(json.dumps(out))
`;
const INKS = { mono: 2, 'two-layer': 3, grey4: 4 } as Record<string, number>;

describe('Waveshare panels: the frame table and the server profiles', () => {
  it('agree on every module: profile, size and number of colours', () => {
    const run = spawnSync(PYTHON, ['-c', LIST_PANELS], { encoding: 'utf8', env: { ...process.env, PYTHONPATH: [FRAME_DIR, STANDINS_DIR].join(':') } });
    expect(run.stderr).toBe('');
    const panels = JSON.parse(run.stdout) as { spec: string; profile: string; kind: string; colours: number; size: [number, number] }[];
    expect(panels.map((p) => p.spec)).toEqual(expect.arrayContaining(['epd7in3f', 'epd4in0e', 'epd7in3e', 'epd13in3e', 'epd7in5b_V2', 'epd4in2:4grey']));
    for (const panel of panels) {
      const profile = findBuiltinProfile(panel.profile);
      expect(profile, panel.spec).toBeDefined();
      expect([profile!.width, profile!.height], panel.spec).toEqual(panel.size);
      expect(profile!.palette, panel.spec).toHaveLength(panel.colours || INKS[panel.kind]);
      expect(profile!.grey, panel.spec).toBe(false);
    }
  });
});
