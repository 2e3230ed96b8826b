// Types of build-outputs.mjs, for the TypeScript that calls it (tests).
export declare const ROOT: string;
export type OutputName = 'renderer' | 'preload' | 'main' | 'frame';
export declare function isFresh(name: OutputName): boolean;
export declare function ensureBuilt(names: OutputName[], options?: { force?: boolean }): OutputName[];
