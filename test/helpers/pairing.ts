import { SimulatedFrame } from '../sim/frame.ts';
import type { TestServer } from './test-server.ts';

/** A frame that has bootstrapped and been approved through the admin API, with its display id. */
export async function pairFrame(t: TestServer, hardwareId: string, size: { width?: number; height?: number; panel?: string } = {}): Promise<{ frame: SimulatedFrame; displayId: number }> {
  const frame = new SimulatedFrame(hardwareId, size.width ?? 800, size.height ?? 480, size.panel);
  if ((await frame.bootstrap(`${t.urls.http}/api/display/bootstrap`)) !== 202) throw new Error('expected a pending bootstrap');
  const displays: { id: number; hardwareId: string }[] = await (await t.admin('GET', '/displays')).json();
  const displayId = displays.find((d) => d.hardwareId === hardwareId)!.id;
  const approved = await t.admin('POST', `/displays/${displayId}/approve`);
  if (approved.status !== 200) throw new Error(`approve answered ${approved.status}`);
  await frame.waitForApproval();
  return { frame, displayId };
}
