// Types of build-wasm.mjs, for the TypeScript that calls it (tests).
export declare const WAT: string;
export declare const MODULE: string;
export declare function compileWat(file: string): Promise<Uint8Array>;
export declare function moduleSource(bytes: Uint8Array): string;
