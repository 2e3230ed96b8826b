import type { FrameworkColours } from './colours.ts';

/**
 * Screen, mashup, view, layout, title bar, columns and grid: the framework's structure, written
 * for this engine from the framework's documented behaviour (one layout per view filling what the
 * title bar leaves, views sharing the screen by the mashup's arrangement, columns side by side).
 * The placement of mashup views and the layout's alignment modifiers are resolved in prepare.ts.
 */
export function structureCss(colours: FrameworkColours, screenPadding: number): string {
  return `
.markup-root { display: flex; flex-direction: column; width: 100%; height: 100%; background-color: ${colours.paper}; color: ${colours.ink}; }
.screen { display: flex; flex-direction: column; flex: 1 1 0; min-height: 0; width: 100%; padding: ${screenPadding}px; overflow: hidden;
  background-color: ${colours.paper}; color: ${colours.ink}; font-family: Inter; font-size: 16px; font-weight: 600; line-height: 1.2; }
.mashup { display: grid; flex: 1 1 0; min-height: 0; gap: 10px; grid-template-columns: 1fr 1fr; grid-template-rows: 1fr 1fr; }
.mashup--1Lx1R { grid-template-rows: 1fr; }
.mashup--1Tx1B { grid-template-columns: 1fr; }
.view { display: flex; flex-direction: column; flex: 1 1 0; min-height: 0; min-width: 0; gap: 10px; overflow: hidden; }
.layout { display: flex; flex-direction: row; flex: 1 1 0; min-height: 0; min-width: 0; gap: 10px; overflow: hidden; }
.layout--col { flex-direction: column; }
.layout .layout { flex: 1 1 auto; width: 100%; }
.title_bar { display: flex; flex-direction: row; align-items: center; flex-shrink: 0; gap: 10px; height: 40px; padding: 0 10px;
  border-radius: 10px; background-color: ${colours.ink}; color: ${colours.paper}; overflow: hidden; margin-top: auto; }
.title_bar .image { height: 24px; width: auto; }
.title_bar .title { font-size: 17px; font-weight: 700; white-space: nowrap; }
.title_bar .instance { font-size: 14px; white-space: nowrap; }
.view--half_horizontal .title_bar, .view--quadrant .title_bar { height: 34px; }
.columns { display: flex; flex-direction: row; gap: 20px; flex: 1 1 0; min-height: 0; align-self: stretch; width: 100%; }
.column { display: flex; flex-direction: column; flex: 1 1 0; min-width: 0; min-height: 0; gap: 10px; overflow: hidden; }
.column > * { flex-shrink: 0; }
.grid { display: grid; gap: 10px; width: 100%; grid-auto-rows: auto; }
.grid > .row { display: flex; flex-direction: row; gap: 10px; }
.grid > .col { display: flex; flex-direction: column; gap: 10px; }
.flex { display: flex; flex-direction: row; gap: 10px; }
.flex--col { flex-direction: column; }
.flex--row { flex-direction: row; }
.flex--wrap { flex-wrap: wrap; }
.grow, .flex--grow { flex-grow: 1; }
.stretch { align-self: stretch; }
.w--full { width: 100%; } .h--full { height: 100%; }
.gap--none { gap: 0; } .gap--xsmall { gap: 4px; } .gap--small { gap: 7px; } .gap--medium { gap: 14px; }
.gap--large { gap: 20px; } .gap--xlarge { gap: 30px; } .gap--xxlarge { gap: 40px; }
.text--left { text-align: left; } .text--center { text-align: center; } .text--right { text-align: right; }
.text--justify { text-align: justify; }
.hidden { display: none; }
`;
}
