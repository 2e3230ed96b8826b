// Types of server-v8-flags.mjs, for the TypeScript that calls it (tests).
export declare const SERVER_V8_FLAGS: string[];
export declare const SERVER_ALLOCATOR_ENV: Record<string, string>;
export declare function hasServerV8Flags(): boolean;
export declare function restartWithServerV8Flags(): void;
