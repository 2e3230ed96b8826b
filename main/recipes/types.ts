/** A TRMNL private-plugin recipe as Inkstand holds it (DESIGN.md §12). */

export const RECIPE_LAYOUTS = ['full', 'half_horizontal', 'half_vertical', 'quadrant'] as const;
export type RecipeLayout = (typeof RECIPE_LAYOUTS)[number];

/** The markup files of a recipe: one per layout, plus shared.liquid prepended to each. */
export const MARKUP_FILES = [...RECIPE_LAYOUTS, 'shared'] as const;
export type MarkupName = (typeof MARKUP_FILES)[number];

export type RecipeStrategy = 'polling' | 'webhook' | 'static';

export type CustomFieldType =
  | 'string'
  | 'text'
  | 'number'
  | 'select'
  | 'boolean'
  | 'date'
  | 'time'
  | 'password'
  | 'multi_string'
  | 'copyable_webhook_url'
  | 'copyable'
  | 'url'
  | 'author_bio'
  | 'xhrSelect'
  | 'xhrSelectSearch';

export interface SelectOption {
  /** What the user sees. */
  label: string;
  /** What the recipe receives (YAML booleans and numbers become their string forms, as in TRMNL). */
  value: string;
}

export interface CustomField {
  keyname: string;
  name: string;
  fieldType: CustomFieldType;
  description?: string;
  placeholder?: string;
  helpText?: string;
  optional: boolean;
  /** As a string, the form every value takes in `custom_fields_values` (multi-selects: an array). */
  defaultValue?: string | string[];
  options?: SelectOption[];
  /** select with `multiple: true`: the value is an array of option values. */
  multiple: boolean;
}

export interface RecipeSettings {
  name: string;
  strategy: RecipeStrategy;
  /** A Liquid template; after rendering, one URL per non-empty line (→ IDX_0, IDX_1, …). */
  pollingUrl: string;
  pollingVerb: 'GET' | 'POST';
  /** A Liquid template; `k=v&k2=v2` or `Name: value` lines. */
  pollingHeaders: string;
  /** A Liquid template sent as the body of a POST. */
  pollingBody: string;
  staticData: unknown;
  customFields: CustomField[];
  /** Minutes between polls (TRMNL's unit). */
  refreshIntervalMinutes: number;
  /** The TRMNL design-framework version the recipe pins (e.g. "2.1.0"), if it pins one. */
  frameworkVersion?: string;
  noScreenPadding: boolean;
  /** TRMNL's dark_mode: "yes" inverts the whole screen, "no" never. */
  darkMode: boolean;
  /** The parsed settings.yml as written, kept so an export writes back keys Inkstand does not use. */
  raw: Record<string, unknown>;
}

export interface Recipe {
  settings: RecipeSettings;
  /** Liquid source by file name; layouts a recipe lacks are absent. */
  markup: Partial<Record<MarkupName, string>>;
  /** trmnlp's transform hook (`function run(input) { … }`), if the recipe has one. */
  transform?: string;
  /** Field values that came with the recipe (a trmnlp project's `.trmnlp.yml` custom_fields). */
  values: Record<string, unknown>;
}

/** Values of the custom fields as the Liquid sees them: strings, multi-selects as arrays. */
export type FieldValues = Record<string, string | string[]>;
