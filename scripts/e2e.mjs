#!/usr/bin/env node
// npm run e2e: kd-verify as a user gets it. Packs the package, installs the tarball into fresh
// ES-module and CommonJS projects in a temporary directory, and there imports it from plain node,
// type-checks claims files, runs the CLI on the shipped Theorem 8 example, runs a vitest suite that
// uses kd-verify/vitest, calls verify(), loads claims files of every extension, and checks that
// the corpus is written into the project. Prints one line per check and "N passed, M failed".
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'kdverify-e2e-'));
const env = { ...process.env, CI: 'true' };
let passed = 0, failed = 0;

function run(cmd, args, cwd, input) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return r;
}
const expectStatus = (r, status, what) => {
  if (r.status !== status) throw new Error(`${what}: exit status ${r.status}, expected ${status}\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
  return r;
};
const check = (ok, message) => {
  if (!ok) throw new Error(message);
};
function step(name, f) {
  const t0 = Date.now();
  try {
    f();
    passed++;
    console.log(`✓ ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (e) {
    failed++;
    console.log(`✗ ${name}\n  ${String(e instanceof Error ? e.message : e).split('\n').join('\n  ')}`);
  }
}
const version = (pkg) => JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

// ── the tarball ──────────────────────────────────────────────────────────────────────────────────
let tarball;
step('npm pack builds dist/ and packs it', () => {
  const r = expectStatus(run(npm, ['pack', '--json', '--pack-destination', work], root), 0, 'npm pack');
  const info = JSON.parse(r.stdout.slice(r.stdout.indexOf('[')))[0];
  tarball = join(work, info.filename);
  const files = info.files.map((f) => f.path);
  for (const f of ['dist/src/api.js', 'dist/src/api.d.ts', 'dist/src/vitest.js', 'dist/src/vitest.d.ts', 'dist/src/require.cjs', 'dist/src/engine/worker.js', 'dist/properties/index.js', 'bin/kdverify.js', 'spec/kd-generalization.json', 'corpus/KD-T10-LOWER.json', 'examples/claims/theorem8-variants.ts', 'README.md', 'LICENSE', 'package.json'])
    check(files.includes(f), `the tarball lacks ${f}`);
  const stray = files.filter((f) => /^(src|test|bench|scripts|\.ci|properties|reports)\//.test(f) || f.endsWith('.test.ts') && !f.startsWith('examples/'));
  check(stray.length === 0, `the tarball holds ${stray.slice(0, 5).join(', ')}`);
});

// ── claims files of every extension, written as a user would in each kind of project ─────────────
const claimBody = (id) => `[
  defineClaim({
    id: '${id}', title: '0 ≤ x²', statement: '0 ≤ x²',
    properties: [defineProperty({
      id: '${id}/square', claim: '${id}', title: '0 ≤ x² on small integers', relation: 'le',
      arbitrary: fc.integer({ min: -9, max: 9 }),
      sides: (F, x) => ({ lhs: F.fromNumber(0), rhs: F.square(F.fromNumber(x)) }),
      controls: [{ id: '${id}/square~two', description: '2 ≤ x²', sides: (F, x) => ({ lhs: F.fromNumber(2), rhs: F.square(F.fromNumber(x)) }) }],
    })],
  }),
]`;
const esm = (id) => `import { defineClaim, defineProperty, fc } from 'kd-verify';\nexport const claims = ${claimBody(id)};\n`;
const cjs = (id) => `const { defineClaim, defineProperty, fc } = require('kd-verify');\nexports.claims = ${claimBody(id)};\n`;
const typed = (id) => esm(id).replace('(F, x) =>', '(F, x: number) =>');

for (const kind of ['module', 'commonjs']) {
  const dir = join(work, kind === 'module' ? 'esm-project' : 'cjs-project');
  const tag = kind === 'module' ? 'ESM' : 'CommonJS';
  const kdverify = (args, cwd = dir) => run(process.execPath, [join(dir, 'node_modules/kd-verify/bin/kdverify.js'), ...args], cwd);

  step(`${tag} project: npm install of the tarball (with typescript, vitest, @types/node)`, () => {
    mkdirSync(dir);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `e2e-${kind}`, private: true, type: kind }, null, 2));
    expectStatus(run(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball, `typescript@${version('typescript')}`, `vitest@${version('vitest')}`, `@types/node@${version('@types/node')}`], dir), 0, 'npm install');
    // the shipped examples, copied into the project as a user would start from them
    cpSync(join(dir, 'node_modules/kd-verify/examples/claims'), join(dir, 'examples/claims'), { recursive: true });
    cpSync(join(dir, 'node_modules/kd-verify/examples/vitest'), join(dir, 'examples/vitest'), { recursive: true });
  });

  step(`${tag} project: import and require from plain node (one module instance for both)`, () => {
    const imported = expectStatus(run(process.execPath, ['--input-type=module', '-e', `
      import * as k from 'kd-verify';
      import * as api from 'kd-verify/api';
      import { createRequire } from 'node:module';
      const required = createRequire(import.meta.url)('kd-verify');
      for (const name of ['verify', 'checkImpl', 'defineClaim', 'worldArb', 'worldLaws', 'proxyOfH', 'tailEvent', 'matrixNormalKl', 'InsufficientPrecision'])
        if (typeof k[name] !== 'function') throw new Error(name + ' is not exported');
      if (api.verify !== k.verify || required.verify !== k.verify) throw new Error('two instances');
      console.log(Object.keys(k).length);`], dir), 0, 'node import');
    check(Number(imported.stdout) > 150, `only ${imported.stdout.trim()} exports`);
    expectStatus(run(process.execPath, ['-e', "const k = require('kd-verify'); if (typeof k.verify !== 'function' || typeof k.fc.integer !== 'function') process.exit(1);"], dir), 0, 'node require');
  });

  step(`${tag} project: a TS claims file type-checks under nodenext and bundler resolution`, () => {
    const files = ['examples/claims/theorem8-variants.ts', 'examples/claims/pinsker.ts', 'examples/vitest/kd-verify.test.ts'];
    // nodenext also checks every declaration file (kd-verify's own included); bundler only the user's files
    for (const [name, options] of [['nodenext', { module: 'nodenext', moduleResolution: 'nodenext', skipLibCheck: false }], ['bundler', { module: 'preserve', moduleResolution: 'bundler', skipLibCheck: true }]]) {
      writeFileSync(join(dir, `tsconfig.${name}.json`), JSON.stringify({ compilerOptions: { ...options, target: 'es2022', strict: true, noEmit: true, types: ['node'] }, files }, null, 2));
      expectStatus(run(process.execPath, [join(dir, 'node_modules/typescript/bin/tsc'), '-p', `tsconfig.${name}.json`], dir), 0, `tsc (${name})`);
    }
  });

  let corpusBefore;
  step(`${tag} project: npx kdverify run --claims-file theorem8-variants.ts (the wrong constant violated, the right ones hold)`, () => {
    corpusBefore = readdirSync(join(dir, 'node_modules/kd-verify/corpus')).map((f) => f + readFileSync(join(dir, 'node_modules/kd-verify/corpus', f), 'utf8')).join();
    expectStatus(run(npx, ['--no', 'kdverify', 'run', '--claims-file', 'examples/claims/theorem8-variants.ts', '--runs', '60', '--update-corpus', '--out', 'reports/t8'], dir), 1, 'kdverify run');
    const report = JSON.parse(readFileSync(join(dir, 'reports/t8/report.json'), 'utf8'));
    const claim = (id) => report.claims.find((c) => c.id === id);
    check(['holds', 'sharp'].includes(claim('USER-T8').status), `USER-T8 is ${claim('USER-T8').status}`);
    for (const p of claim('USER-T8').properties) check(['holds', 'sharp'].includes(p.status) && p.controls.every((c) => c.refuted), `${p.id}: ${p.status}, controls ${p.controls.map((c) => c.refuted)}`);
    check(claim('USER-T8-HALF').status === 'violated' && claim('USER-T8-HALF').counterexample.margin.hi.startsWith('-'), `USER-T8-HALF is ${claim('USER-T8-HALF').status}`);
  });

  step(`${tag} project: --update-corpus wrote into the project, not into node_modules`, () => {
    check(existsSync(join(dir, '.kdverify/corpus/USER-T8-HALF.json')), 'no .kdverify/corpus/USER-T8-HALF.json in the project');
    const after = readdirSync(join(dir, 'node_modules/kd-verify/corpus')).map((f) => f + readFileSync(join(dir, 'node_modules/kd-verify/corpus', f), 'utf8')).join();
    check(after === corpusBefore, 'the bundled corpus changed');
    const r = expectStatus(kdverify(['run', '--claims-file', 'examples/claims/pinsker.ts', '--runs', '5', '--corpus', 'node_modules/kd-verify/corpus', '--update-corpus', '--out', 'reports/x']), 2, 'corpus inside the package');
    check(/read-only/.test(r.stderr), r.stderr);
  });

  step(`${tag} project: replay from another directory finds the claims file through the report`, () => {
    const r = expectStatus(kdverify(['replay', '--report', join(dir, 'reports/t8/report.json'), '--claim', 'USER-T8-HALF'], work), 1, 'kdverify replay');
    check(/verdict: violated \(reproduced\)/.test(r.stdout), r.stdout);
  });

  step(`${tag} project: a vitest suite using kd-verify/vitest passes, and a false claim fails with its counterexample`, () => {
    const ok = expectStatus(run(npx, ['--no', 'vitest', 'run', '--reporter=verbose', 'examples/vitest'], dir), 0, 'vitest (examples)');
    for (const t of ['USER-T8/best-proxy', 'USER-T8/stability-proxy', 'kl_discrete', 'entropy']) check(ok.stdout.includes(t), `vitest output lacks ${t}`);
    mkdirSync(join(dir, 'failing'), { recursive: true });
    writeFileSync(join(dir, 'failing/half.test.ts'), "import { describeClaims } from 'kd-verify/vitest';\nimport { claims } from '../examples/claims/theorem8-variants.js';\ndescribeClaims(claims.filter((c) => c.spec.id === 'USER-T8-HALF'), { runs: 60 });\n");
    const bad = expectStatus(run(npx, ['--no', 'vitest', 'run', 'failing'], dir), 1, 'vitest (failing)');
    check(/USER-T8-HALF\/best-proxy is violated/.test(bad.stdout + bad.stderr), 'no counterexample in the failure');
    const replay = /replay: npx kdverify replay --report (\S+) --claim (\S+)/.exec(bad.stdout + bad.stderr);
    check(replay !== null, 'no replay line');
  });

  step(`${tag} project: verify() and checkImpl() called from a script`, () => {
    const script = kind === 'module'
      ? "import { verify, checkImpl } from 'kd-verify';\nconst r = await verify({ claimsFiles: ['examples/claims/theorem8-variants.ts'], claims: ['USER-T8-HALF'], runs: 60, jobs: 1 });\nconst i = await checkImpl({ module: 'examples/vitest/my-kl.ts', functions: ['kl_discrete'], runs: 50 });\nconsole.log(JSON.stringify([r.summary, i.summary]));\n"
      : "const { verify, checkImpl } = require('kd-verify');\n(async () => {\n  const r = await verify({ claimsFiles: ['examples/claims/theorem8-variants.ts'], claims: ['USER-T8-HALF'], runs: 60, jobs: 1 });\n  const i = await checkImpl({ module: 'examples/vitest/my-kl.ts', functions: ['kl_discrete'], runs: 50 });\n  console.log(JSON.stringify([r.summary, i.summary]));\n})();\n";
    const file = kind === 'module' ? 'programmatic.mjs' : 'programmatic.cjs';
    writeFileSync(join(dir, file), script);
    const r = expectStatus(run(process.execPath, [file], dir), 0, file);
    const [summary, impl] = JSON.parse(r.stdout.trim().split('\n').pop());
    check(summary.violated === 1 && impl.pass === 1, r.stdout);
    check(!existsSync(join(dir, 'reports/latest')), 'verify() wrote files without being asked');
  });

  step(`${tag} project: claims files load exactly as named (.js, .mjs, .cjs, .ts, .mts, .cts; a .js next to a .ts)`, () => {
    const files = {
      'c-js.js': kind === 'module' ? esm('USER-C-JS') : cjs('USER-C-JS'),
      'c-mjs.mjs': esm('USER-C-MJS'),
      'c-cjs.cjs': cjs('USER-C-CJS'),
      'c-ts.ts': typed('USER-C-TS'),
      'c-mts.mts': typed('USER-C-MTS'),
      'c-cts.cts': typed('USER-C-CTS'),
      'sibling.js': kind === 'module' ? esm('USER-SIBLING-JS') : cjs('USER-SIBLING-JS'),
      'sibling.ts': typed('USER-SIBLING-TS'),
    };
    mkdirSync(join(dir, 'ext'), { recursive: true });
    for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, 'ext', f), text);
    const load = ['c-js.js', 'c-mjs.mjs', 'c-cjs.cjs', 'c-ts.ts', 'c-mts.mts', 'c-cts.cts', 'sibling.js'];
    expectStatus(kdverify(['run', ...load.flatMap((f) => ['--claims-file', `ext/${f}`]), '--runs', '10', '--control-runs', '200', '--out', 'reports/ext']), 0, 'kdverify run (extensions)');
    const claims = JSON.parse(readFileSync(join(dir, 'reports/ext/report.json'), 'utf8')).claims;
    const ids = claims.map((c) => c.id);
    check(JSON.stringify(ids) === JSON.stringify(['USER-C-JS', 'USER-C-MJS', 'USER-C-CJS', 'USER-C-TS', 'USER-C-MTS', 'USER-C-CTS', 'USER-SIBLING-JS']), ids.join(', '));
    check(claims.every((c) => c.status === 'holds' && c.controls.every((k) => k.refuted)), claims.map((c) => `${c.id}: ${c.status}`).join(', '));
  });

  step(`${tag} project: check-impl of a TypeScript module, and built-in properties on worker threads`, () => {
    expectStatus(kdverify(['check-impl', '--module', 'examples/vitest/my-kl.ts', '--functions', 'kl_discrete,entropy', '--runs', '50', '--out', 'reports/impl']), 0, 'kdverify check-impl');
    // two worker threads load the compiled worker: every property comes back evaluated
    const r = kdverify(['run', '--claims', 'KD-L6-DV', '--runs', '30', '--jobs', '2', '--out', 'reports/builtin']);
    check(r.stderr === '', `kdverify run --jobs 2: ${r.stderr}`);
    const props = JSON.parse(readFileSync(join(dir, 'reports/builtin/report.json'), 'utf8')).claims.flatMap((c) => c.properties);
    check(props.length === 3 && props.every((p) => p.status !== 'error' && p.instances > 0), props.map((p) => `${p.id}: ${p.status} ${p.error ?? ''}`).join('; '));
  });
}

if (failed === 0) rmSync(work, { recursive: true, force: true });
else console.log(`(the projects are kept in ${work})`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
