/** Element defaults: blocks lay their children out in a column (the framework builds on flexbox), text blocks flow. */
export const BASE_CSS = `
div, section, article, header, footer, main, nav, aside, ul, ol, li, figure, blockquote, pre, dl, dt, dd, form, svg { display: flex; flex-direction: column; }
.markup-text { display: block; }
.markup-br { display: block; width: 100%; height: 0; }
ul, ol { padding-left: 20px; gap: 4px; }
`;
