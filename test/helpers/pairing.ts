import { SimulatedFrame } from '../sim/frame.ts';
import type { TestServer } from './test-server.ts';

/** An admin API call: a node's own (`t.admin`), or another node's of the same cluster. */
type AdminCall = (method: string, urlPath: string) => Promise<Response>;

/** A frame that has bootstrapped and been approved through the admin API, with its display id. */
export function pairFrame(t: TestServer, hardwareId: string, size: { width?: number; height?: number; panel?: string } = {}): Promise<{ frame: SimulatedFrame; displayId: number }> {
  return pairFrameAcross(t, (method, urlPath) => t.admin(method, urlPath), hardwareId, size);
}

/** The same, the frame bootstrapping at `server` and approved through `admin` (on PostgreSQL, another node may approve it). */
export async function pairFrameAcross(server: TestServer, admin: AdminCall, hardwareId: string, size: { width?: number; height?: number; panel?: string } = {}): Promise<{ frame: SimulatedFrame; displayId: number }> {
  const frame = new SimulatedFrame(hardwareId, size.width ?? 800, size.height ?? 480, size.panel);
  if ((await frame.bootstrap(`${server.urls.http}/api/display/bootstrap`)) !== 202) throw new Error('expected a pending bootstrap');
  const displays: { id: number; hardwareId: string }[] = await (await admin('GET', '/displays')).json();
  const displayId = displays.find((d) => d.hardwareId === hardwareId)!.id;
  const approved = await admin('POST', `/displays/${displayId}/approve`);
  if (approved.status !== 200) throw new Error(`approve answered ${approved.status}`);
  await frame.waitForApproval();
  return { frame, displayId };
}
