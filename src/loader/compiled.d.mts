/** dist/'s stamp: the hash of the sources it was compiled from. */
export declare const STAMP: string;
/** sha256 over the path and content of every input of the compilation. */
export declare function sourcesHash(root: string): string;
/** True when dist/ was built from the sources as they are now (never with KD_VERIFY_SOURCES=1). */
export declare function compiledIsCurrent(root: string): boolean;
/** Every file under dir, in a fixed (sorted) order. */
export declare function filesUnder(dir: string): string[];
