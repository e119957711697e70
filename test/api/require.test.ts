import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const stub = fileURLToPath(new URL('../../src/require.cjs', import.meta.url));

describe("require('kd-verify') from CommonJS", () => {
  it('on a Node.js that cannot require ES modules: one clear line, no stack of loader errors', () => {
    const r = spawnSync(process.execPath, ['-e', `Object.defineProperty(process.features, 'require_module', { value: false }); try { require(${JSON.stringify(stub)}) } catch (e) { console.log(e.message) }`], { encoding: 'utf8' });
    expect(r.stdout.trim()).toMatch(/^kd-verify is an ES module: require\('kd-verify'\) needs Node\.js >= 20\.19 \(this is v[\d.]+\); use import\(\) or upgrade Node\.js$/);
  });
});
