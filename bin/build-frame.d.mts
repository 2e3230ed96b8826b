// Types of build-frame.mjs, for the TypeScript that calls it (tests).
/** frame/'s program files (no Python caches), as paths relative to the folder above it, sorted. */
export declare function frameFiles(frameDir?: string): string[];
export declare function frameVersion(frameDir?: string): string;
