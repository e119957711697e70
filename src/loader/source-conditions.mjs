// Module resolution in a source checkout: `kd-verify` (imported by the examples and test fixtures)
// resolves to the TypeScript sources through the package's "kd-verify-source" export condition.
export async function resolve(specifier, context, nextResolve) {
  return nextResolve(specifier, { ...context, conditions: [...context.conditions, 'kd-verify-source'] });
}
