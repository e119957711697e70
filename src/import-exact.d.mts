/** import() of a URL, exactly that file (see import-exact.mjs). */
export declare const importExact: (url: string) => Promise<Record<string, unknown>>;
