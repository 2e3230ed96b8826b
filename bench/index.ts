import type { Report } from './report.ts';

/** Each benchmark group, loaded only when it runs (some start servers or browsers). */
const GROUPS: Record<string, () => Promise<(report: Report) => Promise<void>>> = {
  server: async () => (await import('./server.ts')).pollsUnderLoad,
  idle: async () => (await import('./server.ts')).idleMemory,
  dither: async () => (await import('./dither.ts')).runDitherBench,
  render: async () => (await import('./render-load.ts')).runRenderLoadBench,
  dashboard: async () => (await import('./dashboard.ts')).runDashboardBench,
  selection: async () => (await import('./selection.ts')).runSelectionBench,
  import: async () => (await import('./import.ts')).runImportBench,
  ui: async () => (await import('./ui.ts')).runUiBench,
  calendar: async () => (await import('./calendar.ts')).runCalendarBench,
  recipes: async () => (await import('./recipes.ts')).runRecipesBench,
  screens: async () => (await import('./screens.ts')).runScreensBench,
  immich: async () => (await import('./immich.ts')).runImmichBench,
  builtins: async () => (await import('./builtin-screens.ts')).runBuiltinScreensBench,
  nodes: async () => (await import('./nodes.ts')).runNodesBench,
};

const args = process.argv.slice(2);
const json = args.includes('--json');
const filter = args.find((a) => !a.startsWith('--'));
const selected = Object.keys(GROUPS).filter((name) => !filter || name.includes(filter));
if (selected.length === 0) {
  console.error(`no benchmark matches "${filter}"; groups: ${Object.keys(GROUPS).join(', ')}`);
  process.exit(1);
}

const report: Report = (name, value, unit) => {
  if (json) console.log(JSON.stringify({ name, value: Math.round(value * 1000) / 1000, unit }));
  else console.log(`${name.padEnd(60)} ${value.toFixed(unit === 'ratio' ? 3 : 2).padStart(12)} ${unit}`);
};

for (const name of selected) {
  if (!json) console.log(`\n# ${name}`);
  await (await GROUPS[name]())(report);
}
process.exit(0);
