import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { fileURLToPath } from 'node:url';

/**
 * The public API is documented: every export of the package's entry points carries a doc comment
 * (what an editor shows on hover, and what TypeDoc renders).
 */
const entries = ['../../src/api.ts', '../../src/vitest.ts'].map((p) => fileURLToPath(new URL(p, import.meta.url)));
const tsconfig = fileURLToPath(new URL('../../tsconfig.json', import.meta.url));

function undocumented(): Record<string, string[]> {
  const { config } = ts.readConfigFile(tsconfig, ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, fileURLToPath(new URL('../..', import.meta.url)));
  const program = ts.createProgram(entries, { ...options, noEmit: true });
  const checker = program.getTypeChecker();
  const out: Record<string, string[]> = {};
  for (const file of entries) {
    const source = program.getSourceFile(file)!;
    const missing: string[] = [];
    for (const sym of checker.getExportsOfModule(checker.getSymbolAtLocation(source)!)) {
      const target = sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
      // third-party re-exports (fast-check) and namespaces of documented functions are exempt
      const decl = target.declarations?.[0];
      if (!decl || decl.getSourceFile().fileName.includes('node_modules') || target.flags & ts.SymbolFlags.ValueModule) continue;
      if (target.getDocumentationComment(checker).length === 0) missing.push(sym.name);
    }
    out[file.slice(file.indexOf('src/'))] = missing;
  }
  return out;
}

describe('public API', () => {
  it('every export of kd-verify and kd-verify/vitest has a doc comment', () => {
    expect(undocumented()).toEqual({ 'src/api.ts': [], 'src/vitest.ts': [] });
  }, 120_000);
});
