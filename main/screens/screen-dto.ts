import type { DrawnByDto, ScreenDto } from '../../contract/screens.ts';
import type { RecipeSummary } from './recipe-port.ts';
import type { Screen } from './screen-store.ts';
import { webhookUrl } from './webhook-url.ts';

/** The UI shows the data a screen draws with; past this it gets the start of it. */
const DATA_PREVIEW_CHARS = 20_000;

export function toScreenDto(screen: Screen, recipe: RecipeSummary | null, drawnBy: DrawnByDto, lanBase: string): ScreenDto {
  const text = screen.data === null ? null : JSON.stringify(screen.data);
  const truncated = text !== null && text.length > DATA_PREVIEW_CHARS;
  return {
    id: screen.id,
    uuid: screen.uuid,
    name: screen.name,
    builtinId: screen.builtinId,
    strategy: screen.strategy,
    refreshMinutes: screen.refreshMinutes,
    pollingUrl: screen.pollingUrl ?? recipe?.pollingUrl ?? null,
    webhookUrl: screen.strategy === 'webhook' ? webhookUrl(lanBase, screen.uuid) : null,
    fields: (recipe?.fields ?? []).map((field) => ({
      keyname: field.keyname,
      name: field.name,
      type: field.fieldType,
      description: field.description ?? field.helpText ?? null,
      options: field.options ?? null,
      multiple: field.multiple,
      optional: field.optional,
      value: screen.fieldValues[field.keyname] ?? field.defaultValue ?? null,
    })),
    data: truncated ? text!.slice(0, DATA_PREVIEW_CHARS) : screen.data,
    dataTruncated: truncated,
    lastFetchedAt: screen.dataFetchedAt?.toISOString() ?? null,
    lastError: screen.lastError,
    lastErrorAt: screen.lastErrorAt?.toISOString() ?? null,
    drawnBy,
    createdAt: screen.createdAt.toISOString(),
  };
}
