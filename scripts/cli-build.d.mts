import type { BuildOptions } from 'esbuild';

export declare const ROOT: string;
export declare const FILES_AT_RUN_TIME: readonly string[];
export declare const CLI_BUILD: BuildOptions;
