/**
 * Claim and property selection: comma-separated ids or globs (`*`, `?`, `[a-z]` classes), e.g.
 * 'KD-L6-DV,KD-BD-*' or 'KD-L1[3-6]*'; a pattern with a '/' names properties, e.g.
 * 'KD-L6-DV/inequality' or 'KD-T8-UPPER/*-proxy'.
 */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*') re += '.*';
    else if (ch === '?') re += '.';
    else if (ch === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) throw new SelectionError(`unclosed '[' in claim pattern '${glob}'`);
      const body = glob.slice(i + 1, end).replace(/\\/g, '\\\\');
      if (!/^!?[A-Za-z0-9-]+$/.test(body)) throw new SelectionError(`bad character class [${body}] in claim pattern '${glob}'`);
      re += body.startsWith('!') ? `[^${body.slice(1)}]` : `[${body}]`;
      i = end;
    } else re += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export class SelectionError extends Error {
  override name = 'SelectionError';
}

/** Ids matching any of the patterns; a pattern that matches nothing is an error (a typo, usually). */
export function selectIds(ids: readonly string[], patterns: readonly string[]): string[] {
  if (patterns.length === 0) return [...ids];
  const chosen = new Set<string>();
  for (const p of patterns) {
    const re = globToRegExp(p.trim());
    const hits = ids.filter((id) => re.test(id));
    if (hits.length === 0) throw new SelectionError(`no encoded claim matches '${p}' (see 'kdverify list')`);
    hits.forEach((h) => chosen.add(h));
  }
  return ids.filter((id) => chosen.has(id));
}

/**
 * The properties the patterns select, in claim order (`claimIds`) and then their own order: a
 * pattern without '/' selects every property of the claims it matches, one with '/' the properties
 * whose ids it matches. No pattern: every property of the listed claims. A pattern that matches
 * nothing is an error.
 */
export function selectProperties<P extends { id: string; claim: string }>(claimIds: readonly string[], properties: readonly P[], patterns: readonly string[]): { claims: string[]; properties: P[] } {
  const listed = claimIds.flatMap((id) => properties.filter((p) => p.claim === id));
  const picked = new Set<P>(patterns.length === 0 ? listed : []);
  for (const raw of patterns) {
    const p = raw.trim();
    const re = globToRegExp(p);
    const hits = p.includes('/') ? listed.filter((q) => re.test(q.id)) : listed.filter((q) => re.test(q.claim));
    if (hits.length === 0) throw new SelectionError(`no encoded ${p.includes('/') ? 'property' : 'claim'} matches '${p}' (see 'kdverify list')`);
    hits.forEach((h) => picked.add(h));
  }
  const chosen = listed.filter((q) => picked.has(q));
  return { claims: claimIds.filter((id) => chosen.some((q) => q.claim === id)), properties: chosen };
}
