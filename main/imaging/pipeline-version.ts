/**
 * The version of what renderPanelImage (pipeline.ts) draws, part of every frame's render key: it changes
 * whenever the same source and settings render to different pixels (the mapping or the dithering
 * changed), so frames rendered by an earlier version are not reused. Its own module, so the server
 * can name it without loading the pipeline (and libvips) into its process.
 */
export const PIPELINE_VERSION = 3;
