// `npm run bench`: builds the app, bundles the benchmarks and runs them (not part of npm test).
// Arguments go to test/bench/main.ts: `npm run bench -- --only click,cli`.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'node_modules', '.cache', 'timetray-bench');
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning', external: ['better-sqlite3', 'playwright-core', '@playwright/test', 'chromium-bidi'] };
await build({ ...common, entryPoints: [join(root, 'test/bench/main.ts')], outfile: join(out, 'main.cjs') });
for (const child of ['provider-child', 'idle-child', 'memory-child']) {
  await build({ ...common, entryPoints: [join(root, `test/bench/${child}.ts`)], outfile: join(out, `${child}.cjs`) });
}
execFileSync(process.execPath, ['--expose-gc', join(out, 'main.cjs'), ...process.argv.slice(2)], {
  stdio: 'inherit', env: { ...process.env, TIMETRAY_ROOT: root },
});
