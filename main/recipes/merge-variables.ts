/**
 * The variables a recipe's Liquid sees (DESIGN.md §12): the data at the root (a root array or a
 * text answer as `data`), and `trmnl` with the user (the display's time zone, the app's locale),
 * the device, the system clock and the plugin settings with the custom field values.
 */
import { offsetMinutesAt } from '../calendar/zoned-time.ts';
import type { FieldValues, Recipe } from './types.ts';

export interface DeviceFacts {
  width: number;
  height: number;
  percentCharged?: number;
  wifiStrength?: number;
  friendlyId?: string;
}

export interface RenderContext {
  /** IANA zone: the display's, or the app's for a render without a display. */
  timeZone: string;
  /** BCP 47 locale of the app, e.g. "en" or "de-DE". */
  locale: string;
  /** The render's clock (`--at` renders as if it were another instant). */
  now: Date;
  device: DeviceFacts;
  userName?: string;
  /** The screen's own name (TRMNL's plugin instance name). */
  instanceName?: string;
}

/** Polled, pushed or static data as the root of the merge variables. */
export function dataAtRoot(data: unknown): Record<string, unknown> {
  if (data === null || data === undefined) return {};
  if (Array.isArray(data) || typeof data !== 'object') return { data };
  return data as Record<string, unknown>;
}

export function trmnlVariables(recipe: Recipe, values: FieldValues, context: RenderContext): Record<string, unknown> {
  const [firstName = '', ...rest] = (context.userName ?? '').split(' ');
  const settings = recipe.settings;
  return {
    user: {
      name: context.userName ?? '',
      first_name: firstName,
      last_name: rest.join(' '),
      locale: context.locale,
      time_zone: context.timeZone,
      time_zone_iana: context.timeZone,
      utc_offset: offsetMinutesAt(context.now, context.timeZone) * 60,
    },
    device: {
      friendly_id: context.device.friendlyId ?? '',
      width: context.device.width,
      height: context.device.height,
      percent_charged: context.device.percentCharged ?? 100,
      wifi_strength: context.device.wifiStrength ?? 100,
    },
    system: { timestamp_utc: Math.floor(context.now.getTime() / 1000) },
    plugin_settings: {
      instance_name: context.instanceName ?? settings.name,
      strategy: settings.strategy,
      dark_mode: settings.darkMode ? 'yes' : 'no',
      no_screen_padding: settings.noScreenPadding ? 'yes' : 'no',
      custom_fields_values: values,
    },
  };
}

export function buildMergeVariables(recipe: Recipe, data: unknown, values: FieldValues, context: RenderContext): Record<string, unknown> {
  return { ...dataAtRoot(data), trmnl: trmnlVariables(recipe, values, context) };
}
