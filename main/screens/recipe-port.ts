import type { FieldValue, ScreenView } from '../../contract/screens.ts';
import type { CustomField } from '../recipes/index.ts';
import type { Strategy } from './screen-store.ts';

export type RecipeField = CustomField;

/** What the screens need to know of the recipe in a screen's folder. */
export interface RecipeSummary {
  name: string;
  strategy: Strategy;
  refreshMinutes: number;
  fields: RecipeField[];
  /** The polling_url template as written. */
  pollingUrl: string | null;
  darkMode: boolean;
  noScreenPadding: boolean;
  /** Whether its markup runs a script (charts, maps): then it is drawn in a browser, or as a card. */
  needsScript: boolean;
}

/** What the merge variables say about the moment and the display a screen is drawn for. */
export interface DrawContext {
  at: Date;
  timeZone: string;
  locale: string;
  width: number;
  height: number;
  percentCharged: number | null;
  wifiStrength: number | null;
  /** The screen's name (TRMNL's instance name). */
  instanceName?: string;
}

/** Field values as the Liquid sees them: strings, a multi-select an array. */
export type ResolvedValues = Record<string, string | string[]>;

/**
 * The recipe machinery (main/recipes/) as the screens use it, implemented once by
 * recipe-adapter.ts; tests hand the screens a fake.
 */
export interface ScreenRecipes {
  /** Checks a recipe (a folder, a trmnlp project or an export ZIP) and writes it into `dir`; values a trmnlp project brings come back too. */
  importInto(source: string | Buffer, dir: string): Promise<{ recipe: RecipeSummary; values: Record<string, FieldValue> }>;
  load(dir: string): Promise<RecipeSummary>;
  /** The values with defaults filled in; throws a user-facing error naming every unknown key and bad value. */
  resolveValues(dir: string, given: Record<string, FieldValue>, options?: { requireAll?: boolean }): Promise<ResolvedValues>;
  /** Polls the recipe's URLs (or the given replacement template); resolves to the data or rejects with a message for the user. */
  poll(dir: string, values: Record<string, FieldValue>, pollingUrl: string | null, context: DrawContext): Promise<unknown>;
  /**
   * A webhook POST's raw body (`merge_variables` with a strategy) merged into what was pushed
   * before (`pushed`), and that through the recipe's transform.js (`data`); rejects with a
   * user-facing error on a wrong shape or a failing transform.
   */
  applyWebhook(dir: string, pushed: unknown, body: Uint8Array): Promise<{ pushed: unknown; data: unknown }>;
  /** The recipe's markup for one view, Liquid rendered with the data and the context; what failed while rendering shows inline as "Liquid error: …" and comes back in `errors`. */
  html(dir: string, view: ScreenView, data: unknown, values: Record<string, FieldValue>, context: DrawContext): Promise<{ html: string; errors: string[] }>;
  exportZip(dir: string, values: Record<string, FieldValue>): Promise<Buffer>;
  /** Data as stored text and back, keeping Ruby's floats floats (100.0 stays 100.0). */
  serialize(data: unknown): string;
  parse(text: string): unknown;
}
