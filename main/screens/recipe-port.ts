import type { FieldValue, ScreenView } from '../../contract/screens.ts';
import type { Strategy } from './screen-store.ts';

/** One custom field a recipe asks for (its settings.yml `custom_fields` entry). */
export interface RecipeField {
  keyname: string;
  name: string;
  type: string;
  description: string | null;
  options: { label: string; value: string }[] | null;
  multiple: boolean;
  optional: boolean;
  default: FieldValue | null;
}

/** What the screens need to know of a recipe in a screen's folder. */
export interface RecipeSummary {
  name: string;
  strategy: Strategy;
  refreshMinutes: number;
  fields: RecipeField[];
  staticData: unknown;
  pollingUrl: string | null;
  darkMode: boolean;
  noScreenPadding: boolean;
  /** Whether its markup needs a script run (charts, maps): then it is drawn in a browser, or as a card. */
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
}

/**
 * The recipe machinery (main/recipes/, issue 19 part A) as the screens use it. One adapter
 * (recipe-adapter.ts) implements it over that module, so the screens never depend on its internals.
 */
export interface ScreenRecipes {
  /** Puts a recipe (a folder, a trmnlp project or an export ZIP) into `dir`, checked; values a trmnlp project brings come back too. */
  importInto(source: string | Buffer, dir: string): Promise<{ recipe: RecipeSummary; values: Record<string, FieldValue> }>;
  load(dir: string): Promise<RecipeSummary>;
  /** Polls the recipe's URLs with the values; resolves to the merge variables or rejects with a message for the user. */
  poll(dir: string, values: Record<string, FieldValue>, pollingUrl: string | null, context: DrawContext): Promise<unknown>;
  /** The data after a webhook POST body (`merge_variables` with a strategy); throws a user-facing error on a wrong shape. */
  applyWebhook(current: unknown, body: unknown): unknown;
  /** The recipe's markup for one view, Liquid rendered with the data and the context. */
  html(dir: string, view: ScreenView, data: unknown, values: Record<string, FieldValue>, context: DrawContext): Promise<string>;
  exportZip(dir: string, values: Record<string, FieldValue>): Promise<Buffer>;
}
