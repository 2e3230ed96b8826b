import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DisplayDto, PanelProfileDto } from '../../../contract/admin.ts';
import { client } from '../../../renderer/api/client.ts';
import { useDisplays } from '../../../renderer/stores/displays-store.ts';
import { connectLiveEvents } from '../../../renderer/stores/live-events.ts';
import { useToasts } from '../../../renderer/stores/toast-store.ts';
import { refused, resetStore, useFakeClient } from '../fake-client.ts';

const display = (id: number, status: DisplayDto['status'], name = `Display ${id}`) => ({ id, status, name }) as DisplayDto;
const profile = { id: 'inky-impression-7.3', label: 'Inky Impression 7.3' } as PanelProfileDto;
const panelImage = (id: number, version = 'v1') => ({ version, mode: 'photo', image: { mime: 'image/png', dataBase64: `png${id}` } });

describe('displays store', () => {
  beforeEach(() => {
    resetStore(useDisplays);
    resetStore(useToasts);
  });

  it('loads the displays, the profiles once, and the panel image of each approved display', async () => {
    const { call } = useFakeClient({
      'displays.list': () => [display(1, 'approved'), display(2, 'pending')],
      'profiles.list': () => [profile],
      'displays.preview': ({ id }) => panelImage(id),
    });
    await useDisplays.getState().load();
    await useDisplays.getState().load();
    const state = useDisplays.getState();
    expect([state.loaded, state.displays.length, state.profiles]).toEqual([true, 2, [profile]]);
    expect(state.panelImages).toEqual({ 1: { version: 'v1', mode: 'photo', src: 'data:image/png;base64,png1' } });
    expect(call.mock.calls.map(([name]) => name)).toEqual(['displays.list', 'profiles.list', 'displays.preview', 'displays.list']);
  });

  it('fetches a panel image again only when the announced version is new', async () => {
    const { call } = useFakeClient({ 'displays.preview': () => panelImage(1, 'v2') });
    const { loadPanelImage } = useDisplays.getState();
    await loadPanelImage(1, 'v2');
    await loadPanelImage(1, 'v2');
    expect(call).toHaveBeenCalledTimes(1);
    await loadPanelImage(1, 'v3');
    expect(call).toHaveBeenCalledTimes(2);
  });

  it('puts an operation’s answer in place of the old copy; a refusal keeps it and says why', async () => {
    useDisplays.setState({ displays: [display(1, 'approved', 'Hall'), display(2, 'approved', 'Kitchen')] });
    useFakeClient({ 'displays.update': ({ id, patch }) => (patch.name ? { ...display(id, 'approved'), name: patch.name } : refused('rotation: must be 0, 90, 180 or 270')) });
    expect(await useDisplays.getState().update(1, { name: 'Hallway' })).toBe(true);
    expect(await useDisplays.getState().update(2, { rotation: 45 as 90 })).toBe(false);
    expect(useDisplays.getState().displays.map((d) => d.name)).toEqual(['Hallway', 'Kitchen']);
    expect(useToasts.getState().toasts.map((t) => t.text)).toEqual(['rotation: must be 0, 90, 180 or 270']);
  });

  it('approving shows the new display’s panel image; removing drops it from the list', async () => {
    useDisplays.setState({ displays: [display(1, 'pending'), display(2, 'approved')] });
    useFakeClient({ 'displays.approve': ({ id }) => display(id, 'approved'), 'displays.preview': ({ id }) => panelImage(id), 'displays.delete': () => ({ deleted: true }) });
    await useDisplays.getState().approve(1);
    await useDisplays.getState().remove(2);
    expect(useDisplays.getState().displays).toEqual([display(1, 'approved')]);
    expect(Object.keys(useDisplays.getState().panelImages)).toEqual(['1']);
  });

  it('a list read before an approval and answered after it does not put the display back to pending', async () => {
    useDisplays.setState({ displays: [display(1, 'pending')] });
    let answerStaleList!: (displays: DisplayDto[]) => void;
    const lists = [new Promise<DisplayDto[]>((resolve) => (answerStaleList = resolve)), Promise.resolve([display(1, 'approved')])];
    const { fire } = useFakeClient({
      'displays.list': () => lists.shift()!,
      'profiles.list': () => [profile],
      'displays.approve': ({ id }) => display(id, 'approved'),
      'displays.preview': ({ id }) => panelImage(id),
    });
    connectLiveEvents(client(), { resync: async () => undefined });
    const staleLoad = useDisplays.getState().load(); // e.g. for a frame's telemetry, just before the click
    await useDisplays.getState().approve(1);
    fire('displays-changed', { displayId: 1 }); // the approval's own event
    await new Promise((resolve) => setTimeout(resolve, 10)); // a list asked for now could answer meanwhile
    answerStaleList([display(1, 'pending')]); // the earlier list answers last
    await staleLoad;
    await vi.waitFor(() => expect(useDisplays.getState().displays).toEqual([display(1, 'approved')]));
    expect(Object.keys(useDisplays.getState().panelImages)).toEqual(['1']);
  });

  it('a new TRMNL access token is answered once; turning the requirement off answers none', async () => {
    useDisplays.setState({ displays: [display(3, 'approved')] });
    useFakeClient({ 'displays.requireToken': ({ id, required }) => ({ display: { ...display(id, 'approved'), macOnlyAuth: !required }, token: required ? 'tok-123' : null }) });
    expect(await useDisplays.getState().requireToken(3, true)).toBe('tok-123');
    expect(useDisplays.getState().displays[0].macOnlyAuth).toBe(false);
    expect(await useDisplays.getState().requireToken(3, false)).toBeNull();
  });

  it('opening pairing keeps the window and says for how long', async () => {
    useFakeClient({ 'pairing.open': () => ({ open: true, until: '2026-05-01T12:10:00Z' }), 'pairing.close': () => ({ open: false, until: null }) });
    await useDisplays.getState().openPairing(10);
    expect(useDisplays.getState().pairing).toEqual({ open: true, until: '2026-05-01T12:10:00Z' });
    expect(useToasts.getState().toasts.map((t) => t.text)).toEqual(['New displays are approved at once for 10 minutes']);
    await useDisplays.getState().closePairing();
    expect(useDisplays.getState().pairing.open).toBe(false);
  });
});
