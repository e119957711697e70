/** A 32-bit seed for one property or control, from the run's seed and its id (FNV-1a). */
export function deriveSeed(runSeed: number, id: string): number {
  let h = 0x811c9dc5 ^ (runSeed | 0);
  for (const ch of `${runSeed}:${id}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}
