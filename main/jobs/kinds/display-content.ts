import { z } from 'zod';
import { DISPLAY_MODES, type DisplayMode } from '../../../contract/dtos.ts';
import type { JobKind } from '../types.ts';

export const refreshAllJob: JobKind<{ modes?: DisplayMode[] }> = {
  kind: 'refresh_all',
  description: "Re-renders every display's current content now and wakes frames that are waiting for a change",
  params: z.strictObject({ modes: z.array(z.enum(DISPLAY_MODES as [DisplayMode, ...DisplayMode[]])).min(1).optional() }),
  defaultJob: { name: 'refresh_all', cron: null, enabled: true },
  async run({ app, params }) {
    const count = await app.displayContent.refreshAll(params.modes ? { modes: params.modes } : undefined);
    return { summary: `refreshed ${count} display${count === 1 ? '' : 's'}` };
  },
};

export const generateDashboardJob: JobKind<Record<string, never>> = {
  kind: 'generate_dashboard',
  description: 'Renders the dashboard panel image of every display that shows the dashboard in its schedule, from stored data',
  params: z.strictObject({}),
  defaultJob: { name: 'generate_dashboard', cron: '*/15 * * * *', enabled: true },
  async run({ app }) {
    const count = await app.displayContent.prerenderDashboards();
    if (count === 0) return { status: 'skipped', summary: 'no display has the dashboard in its schedule' };
    return { summary: `rendered the dashboard for ${count} display${count === 1 ? '' : 's'}` };
  },
};
