import fs from 'node:fs';
import { z } from 'zod';
import type { Core } from '../create-core.ts';
import { buttonMapSchema } from '../displays/buttons.ts';
import type { DisplayDto } from '../../contract/dtos.ts';
import { toDisplayDto } from '../displays/display-dto.ts';
import { findRuleOverlap } from '../displays/schedule.ts';
import { SPECIAL_FUNCTIONS } from '../storage/entities/display.ts';
import { pictureSettingsSchema } from './picture-settings-schema.ts';
import { DisplayEntity, type Display } from '../storage/entities/display.ts';
import { OverrideEntity, WeeklyRuleEntity } from '../storage/entities/schedule.ts';
import type { AdminApi } from '../../contract/admin.ts';
import { NotFoundError, ValidationError } from './errors.ts';

const id = z.coerce.number().int().positive();
const selectableMode = z.enum(['photo', 'dashboard', 'message', 'sleep']);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM');
const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'unknown IANA time zone');

const displayPatchSchema = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  profileId: z.string().max(64).optional(),
  rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]).optional(),
  timeZone: timeZone.optional(),
  defaultMode: selectableMode.optional(),
  rotationIntervalS: z.number().int().min(60).max(7 * 86400).optional(),
  pollIntervalS: z.number().int().min(5).max(86400).optional(),
  quietStart: hhmm.nullable().optional(),
  quietEnd: hhmm.nullable().optional(),
  buttonMap: buttonMapSchema.optional(),
  pictureSettings: pictureSettingsSchema.optional(),
  specialFunction: z.enum(SPECIAL_FUNCTIONS as unknown as [string, ...string[]]).optional(),
  notifyOffline: z.boolean().optional(),
}).strict();

const ruleSchema = z.object({
  weekday: z.number().int().min(0).max(6),
  startMinute: z.number().int().min(0).max(1439),
  endMinute: z.number().int().min(1).max(1440),
  mode: selectableMode,
}).refine((r) => r.endMinute > r.startMinute, 'endMinute must be after startMinute');

export function displayOperations(core: Core): Pick<AdminApi,
  'displays.list' | 'displays.get' | 'displays.approve' | 'displays.revoke' | 'displays.update' | 'displays.setRules' |
  'displays.setOverride' | 'displays.clearOverride' | 'displays.showMessage' | 'displays.next' | 'displays.preview' | 'displays.delete' |
  'displays.logs' | 'displays.requireToken' | 'displays.resetDevice' | 'displays.telemetry'> {
  const displays = core.db.getRepository(DisplayEntity);
  const rules = core.db.getRepository(WeeklyRuleEntity);
  const overrides = core.db.getRepository(OverrideEntity);

  const find = async (raw: unknown): Promise<Display> => {
    const displayId = id.parse(raw);
    const display = await displays.findOneBy({ id: displayId });
    if (!display) throw new NotFoundError(`no display with id ${displayId}`);
    return display;
  };
  const dto = async (displayId: number): Promise<DisplayDto> => {
    const display = await displays.findOneByOrFail({ id: displayId });
    const context = { restUntil: core.displayContent.inMemory(displayId)?.restUntil ?? null, frameVersion: core.frameProgram.bundle.version() };
    return toDisplayDto(display, await rules.findBy({ displayId }), await overrides.findOneBy({ displayId }), core.app.now(), context);
  };
  const findTrmnl = async (raw: unknown): Promise<Display> => {
    const display = await find(raw);
    if (display.protocol !== 'trmnl') throw new ValidationError(`${display.humanId} is an Inkstand frame: it always uses its token and has no TRMNL firmware to reset`);
    return display;
  };
  const changed = (displayId: number) => {
    core.app.events.emit('displays-changed', { displayId });
    core.displayContent.invalidate(displayId);
  };

  return {
    async 'displays.list'() {
      const all = await displays.find({ order: { id: 'ASC' } });
      return Promise.all(all.map((d) => dto(d.id)));
    },
    async 'displays.get'({ id: raw }) {
      return dto((await find(raw)).id);
    },
    async 'displays.approve'({ id: raw }) {
      const display = await find(raw);
      await core.pairing.approve(display.id);
      core.displayContent.invalidate(display.id);
      return dto(display.id);
    },
    async 'displays.revoke'({ id: raw }) {
      const display = await find(raw);
      await core.pairing.revoke(display.id);
      core.displayContent.invalidate(display.id);
      return dto(display.id);
    },
    async 'displays.update'({ id: raw, patch }) {
      const display = await find(raw);
      const parsed = displayPatchSchema.parse(patch);
      if (parsed.profileId && !(await core.profiles.exists(parsed.profileId))) throw new ValidationError(`profileId: unknown panel profile "${parsed.profileId}"`);
      const { buttonMap, pictureSettings, specialFunction, ...plain } = parsed;
      await displays.update(display.id, {
        ...plain,
        ...(buttonMap ? { buttonMap: JSON.stringify(buttonMap) } : {}),
        ...(pictureSettings ? { pictureSettings: JSON.stringify(pictureSettings) } : {}),
        ...(specialFunction ? { specialFunction: specialFunction as Display['specialFunction'] } : {}),
      });
      changed(display.id);
      return dto(display.id);
    },
    async 'displays.setRules'({ id: raw, rules: input }) {
      const display = await find(raw);
      const parsed = z.array(ruleSchema).max(100).parse(input);
      const overlap = findRuleOverlap(parsed);
      if (overlap) throw new ValidationError(overlap);
      await core.db.transaction(async (tx) => {
        await tx.getRepository(WeeklyRuleEntity).delete({ displayId: display.id });
        await tx.getRepository(WeeklyRuleEntity).save(parsed.map((r) => ({ ...r, displayId: display.id })));
      });
      changed(display.id);
      return dto(display.id);
    },
    async 'displays.setOverride'({ id: raw, mode, minutes }) {
      const display = await find(raw);
      const args = z.object({ mode: selectableMode, minutes: z.number().int().min(1).max(7 * 24 * 60) }).parse({ mode, minutes });
      await core.actions.setOverride(display.id, args.mode, args.minutes);
      return dto(display.id);
    },
    async 'displays.clearOverride'({ id: raw }) {
      const display = await find(raw);
      await core.actions.clearOverride(display.id);
      return dto(display.id);
    },
    async 'displays.showMessage'({ id: raw, text, minutes }) {
      const display = await find(raw);
      const args = z.object({ text: z.string().trim().min(1).max(500), minutes: z.number().int().min(1).max(7 * 24 * 60).optional() }).parse({ text, minutes });
      await core.actions.showMessage(display.id, args.text, args.minutes);
      return dto(display.id);
    },
    async 'displays.next'({ id: raw }) {
      const display = await find(raw);
      await core.actions.perform(display, { action: 'next' });
      return dto(display.id);
    },
    async 'displays.preview'({ id: raw }) {
      const display = await find(raw);
      const state = await core.displayContent.current(display.id);
      return { version: state.version, mode: state.mode, pngBase64: fs.readFileSync(state.filePath).toString('base64') };
    },
    async 'displays.logs'({ id: raw }) {
      return core.displayLogs.list((await find(raw)).id);
    },
    async 'displays.telemetry'({ id: raw }) {
      const samples = await core.telemetryHistory.recent((await find(raw)).id, core.app.now());
      return { samples: samples.map((s) => ({ at: s.at.toISOString(), cpuTemperature: s.cpuTemperature, rssi: s.rssi, batteryVoltage: s.batteryVoltage })) };
    },
    async 'displays.requireToken'({ id: raw, required }) {
      const display = await findTrmnl(raw);
      const result = await core.pairing.requireToken(display.id, z.boolean().parse(required));
      return { display: await dto(display.id), token: result.token };
    },
    async 'displays.resetDevice'({ id: raw, reset }) {
      const display = await findTrmnl(raw);
      await displays.update(display.id, { resetRequested: z.boolean().parse(reset) });
      core.app.events.emit('displays-changed', { displayId: display.id });
      return dto(display.id);
    },
    async 'displays.delete'({ id: raw }) {
      const display = await find(raw);
      await displays.delete({ id: display.id });
      core.displayContent.forget(display.id);
      core.app.events.emit('displays-changed', { displayId: display.id });
      return { deleted: true };
    },
  };
}
