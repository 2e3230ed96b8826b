/** The family the dashboard is set in: the bundled Inter, its other subsets reached by the engine's fallback (main/markup/engine.ts). */
export const FONT_FAMILY = 'Inter';
