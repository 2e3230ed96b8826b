import type { FrameworkColours } from './colours.ts';

/** Items, tables, progress, dividers, images and the framework's colour utilities. */
export function componentsCss(colours: FrameworkColours, colourClasses: string): string {
  const { ink, paper } = colours;
  return `
.item { display: flex; flex-direction: row; gap: 10px; align-items: stretch; max-width: 100%; }
.item .meta { display: flex; flex-direction: column; align-items: center; width: 10px; flex-shrink: 0; border-radius: 3px; background-color: ${colours.fill(0.5)}; }
.item .meta--index { width: auto; background-color: transparent; }
.item .index { display: block; min-width: 22px; padding: 2px 4px; border-radius: 4px; background-color: ${ink}; color: ${paper}; font-size: 14px; font-weight: 700; text-align: center; }
.item .content { display: flex; flex-direction: column; flex: 1 1 auto; min-width: 0; gap: 2px; }
.item--emphasis-1 .meta { background-color: ${colours.fill(0.75)}; } .item--emphasis-3 .meta { background-color: ${ink}; }
.table-grid { display: grid; width: 100%; align-content: start; }
.table-grid .cell { display: block; padding: 5px 8px; font-size: 16px; border-bottom: 1px solid ${ink}; overflow: hidden; }
.table-grid .cell--head { font-weight: 700; border-bottom: 2px solid ${ink}; }
.table-grid .title, .table-grid .label, .table-grid .description { font-size: 16px; }
.table--small .title, .table--small .label { font-size: 14px; } .table--xsmall .title, .table--xsmall .label { font-size: 12px; }
.table--small .cell { padding: 3px 6px; font-size: 14px; }
.table--xsmall .cell { padding: 2px 4px; font-size: 12px; }
.table--condensed .cell { padding: 2px 6px; }
.table--large .cell { padding: 8px 10px; font-size: 20px; }
.table--striped .cell--even { background-color: ${colours.fill(0.85)}; }
.table--indexed .cell--first { font-weight: 700; }
.progress-bar { display: flex; flex-direction: column; gap: 4px; width: 100%; }
.progress-bar .track { display: flex; height: 14px; width: 100%; border: 1.5px solid ${ink}; border-radius: 7px; padding: 2px; }
.progress-bar .fill { height: 100%; border-radius: 5px; background-color: ${ink}; }
.progress-bar--small .track { height: 10px; } .progress-bar--large .track { height: 22px; border-radius: 11px; }
.progress-dots { display: flex; flex-direction: row; gap: 6px; }
.progress-dots .dot { width: 12px; height: 12px; border-radius: 6px; border: 1.5px solid ${ink}; }
.progress-dots .dot--filled, .progress-dots .dot--current { background-color: ${ink}; }
.divider { align-self: stretch; flex-shrink: 0; height: 1.5px; background-color: ${ink}; }
.divider--v { width: 1.5px; height: auto; }
.divider--light { background-color: ${colours.fill(0.6)}; }
img { display: block; max-width: 100%; }
.image { display: block; }
.image--fill { width: 100%; height: 100%; object-fit: cover; }
.image--contain { width: 100%; height: 100%; object-fit: contain; }
.image--cover { object-fit: cover; }
.markup-more { display: block; font-size: 14px; font-weight: 700; color: ${ink}; flex-shrink: 0; }
.markup-missing-image { display: block; border: 1.5px solid ${ink}; }
.outline { border: 1.5px solid ${ink}; border-radius: 8px; }
.rounded { border-radius: 10px; }
${colourClasses}
`;
}
