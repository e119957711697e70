/**
 * Claim selection: comma-separated ids or globs (`*`, `?`, `[a-z]` classes), e.g.
 * 'KD-L6-DV,KD-BD-*' or 'KD-L1[3-6]*'.
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
