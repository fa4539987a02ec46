// Bundles the fake provider servers (test/providers/) and runs them: for trying `timetray sync` by hand.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outfile = join(root, 'node_modules', '.cache', 'timetray-fixtures', 'serve-providers.cjs');
await build({ entryPoints: [join(root, 'test/providers/serve.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
await import(pathToFileURL(outfile).href);
