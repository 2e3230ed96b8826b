import fs from 'node:fs';
import { z } from 'zod';
import type { AdminApi } from '../../contract/admin.ts';
import type { DisplayDto } from '../../contract/dtos.ts';
import { messageSchema, overrideSchema, recordIdSchema } from '../../contract/display-schemas.ts';
import { parseInput, ValidationError } from '../core/errors.ts';
import type { DisplayActions } from '../display-content/display-actions.ts';
import type { DisplayContentService } from '../display-content/display-content-service.ts';
import { toDisplayDto } from '../displays/display-dto.ts';
import { imageDto } from './image-dto.ts';
import type { DisplayStore, ScheduledDisplay } from '../displays/display-store.ts';
import type { Pairing } from '../displays/pairing.ts';
import type { Display } from '../storage/entities/display.ts';
import type { DisplayLogStore } from '../trmnl/log-store.ts';
import type { TelemetryHistoryStore } from '../displays/telemetry-history-store.ts';
import type { FrameBundleSource } from '../frame-program/bundle.ts';
import { itemForMode } from '../screens/mode-items.ts';
import type { ScreensFeature } from '../screens/screens-feature.ts';

export interface DisplayOperationsDeps {
  displays: DisplayStore;
  pairing: Pick<Pairing, 'approve' | 'revoke' | 'requireToken'>;
  actions: Pick<DisplayActions, 'setOverride' | 'clearOverride' | 'showMessage' | 'perform'>;
  displayContent: Pick<DisplayContentService, 'current' | 'inMemory'>;
  displayLogs: Pick<DisplayLogStore, 'list'>;
  telemetryHistory: Pick<TelemetryHistoryStore, 'recent'>;
  frameProgram: { bundle: Pick<FrameBundleSource, 'version'> };
  /** Checks the screen, mashup or playlist an item mode names. */
  screens: Pick<ScreensFeature, 'store' | 'mashups' | 'playlists'>;
  now(): Date;
}

type DisplayOperations = Pick<AdminApi,
  'displays.list' | 'displays.get' | 'displays.approve' | 'displays.revoke' | 'displays.update' | 'displays.setRules' |
  'displays.setOverride' | 'displays.clearOverride' | 'displays.showMessage' | 'displays.next' | 'displays.preview' | 'displays.delete' |
  'displays.logs' | 'displays.requireToken' | 'displays.resetDevice' | 'displays.telemetry'>;

/** The Displays view's operations: each parses the id, calls the store or a service, answers a DTO. */
export function displayOperations(deps: DisplayOperationsDeps): DisplayOperations {
  const { displays } = deps;
  const find = (raw: unknown): Promise<Display> => displays.get(parseInput(recordIdSchema, raw, 'id'));
  const dto = ({ display, rules, override }: ScheduledDisplay): DisplayDto => {
    const context = { restUntil: deps.displayContent.inMemory(display.id)?.restUntil ?? null, frameVersion: deps.frameProgram.bundle.version() };
    return toDisplayDto(display, rules, override, deps.now(), context);
  };
  const dtoOf = async (displayId: number): Promise<DisplayDto> => dto(await displays.scheduled(displayId));
  const findTrmnl = async (raw: unknown): Promise<Display> => {
    const display = await find(raw);
    if (display.protocol !== 'trmnl') throw new ValidationError(`${display.humanId} is an Inkstand frame: it always uses its token and has no TRMNL firmware to reset`);
    return display;
  };

  /** A new default mode or item is checked: an item mode must name an existing screen, mashup or playlist. */
  const withDefaultItem = async (display: Display, patch: unknown): Promise<unknown> => {
    if (typeof patch !== 'object' || patch === null || !('defaultMode' in patch || 'defaultItemId' in patch)) return patch;
    const { defaultMode, defaultItemId } = patch as { defaultMode?: unknown; defaultItemId?: unknown };
    if (defaultItemId !== undefined && defaultItemId !== null && typeof defaultItemId !== 'number') return patch;
    const mode = typeof defaultMode === 'string' ? defaultMode : display.defaultMode;
    const item = typeof defaultItemId === 'number' || defaultItemId === null ? defaultItemId : display.defaultItemId;
    return { ...patch, defaultItemId: await itemForMode(deps.screens, mode, item) };
  };
  const withRuleItem = async (rule: unknown): Promise<unknown> => {
    if (typeof rule !== 'object' || rule === null || typeof (rule as { mode?: unknown }).mode !== 'string') return rule;
    const { mode, itemId } = rule as { mode: string; itemId?: unknown };
    return { ...rule, itemId: await itemForMode(deps.screens, mode, typeof itemId === 'number' ? itemId : null) };
  };

  return {
    async 'displays.list'() {
      return (await displays.listScheduled()).map(dto);
    },
    async 'displays.get'({ id: raw }) {
      return dtoOf((await find(raw)).id);
    },
    async 'displays.approve'({ id: raw }) {
      const display = await find(raw);
      await deps.pairing.approve(display.id);
      return dtoOf(display.id);
    },
    async 'displays.revoke'({ id: raw }) {
      const display = await find(raw);
      await deps.pairing.revoke(display.id);
      return dtoOf(display.id);
    },
    async 'displays.update'({ id: raw, patch }) {
      const display = await find(raw);
      await displays.update(display.id, await withDefaultItem(display, patch));
      return dtoOf(display.id);
    },
    async 'displays.setRules'({ id: raw, rules }) {
      const display = await find(raw);
      await displays.setRules(display.id, Array.isArray(rules) ? await Promise.all(rules.map(withRuleItem)) : rules);
      return dtoOf(display.id);
    },
    async 'displays.setOverride'({ id: raw, mode, minutes, itemId: rawItem }) {
      const display = await find(raw);
      const args = parseInput(overrideSchema, { mode, minutes, itemId: rawItem });
      await deps.actions.setOverride(display.id, args.mode, args.minutes, await itemForMode(deps.screens, args.mode, args.itemId));
      return dtoOf(display.id);
    },
    async 'displays.clearOverride'({ id: raw }) {
      const display = await find(raw);
      await deps.actions.clearOverride(display.id);
      return dtoOf(display.id);
    },
    async 'displays.showMessage'({ id: raw, text, minutes }) {
      const display = await find(raw);
      const args = parseInput(messageSchema, { text, minutes });
      await deps.actions.showMessage(display.id, args.text, args.minutes);
      return dtoOf(display.id);
    },
    async 'displays.next'({ id: raw }) {
      const display = await find(raw);
      await deps.actions.perform(display, { action: 'next' });
      return dtoOf(display.id);
    },
    async 'displays.preview'({ id: raw }) {
      const display = await find(raw);
      const state = await deps.displayContent.current(display.id);
      return { version: state.version, mode: state.mode, image: imageDto('image/png', await fs.promises.readFile(state.filePath), state) };
    },
    async 'displays.logs'({ id: raw }) {
      return deps.displayLogs.list((await find(raw)).id);
    },
    async 'displays.telemetry'({ id: raw }) {
      const samples = await deps.telemetryHistory.recent((await find(raw)).id, deps.now());
      return { samples: samples.map((s) => ({ at: s.at.toISOString(), cpuTemperature: s.cpuTemperature, rssi: s.rssi, batteryVoltage: s.batteryVoltage })) };
    },
    async 'displays.requireToken'({ id: raw, required }) {
      const display = await findTrmnl(raw);
      const result = await deps.pairing.requireToken(display.id, parseInput(z.boolean(), required, 'required'));
      return { display: await dtoOf(display.id), token: result.token };
    },
    async 'displays.resetDevice'({ id: raw, reset }) {
      const display = await findTrmnl(raw);
      await displays.write(display.id, { resetRequested: parseInput(z.boolean(), reset, 'reset') });
      return dtoOf(display.id);
    },
    async 'displays.delete'({ id: raw }) {
      const display = await find(raw);
      await displays.remove(display.id);
      return { deleted: true };
    },
  };
}
