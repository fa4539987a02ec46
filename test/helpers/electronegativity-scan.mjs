// Runs Electronegativity's scanner (@doyensec/electronegativity) over one folder and writes its
// findings as JSON to a file: node electronegativity-scan.mjs <folder> <electron version> <out.json> [excluded checks,…]
// Its command line cannot start here (it requires commander without declaring it and is handed
// commander 14, whose API differs), so the scanner is called as the library it also is. It also
// fetches translations and Electron's release list on every run: a test must not depend on the
// network, so `got` answers "offline" at once (the translations fall back to the bundled English).
import Module, { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';

// The scanner is CommonJS: loaded through require, so its own requires pass Module._load below.
const require = createRequire(import.meta.url);

const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'got') return () => Promise.reject(new Error('offline: Timetray runs Electronegativity without the network'));
  return load.call(this, request, ...rest);
};

const [input, electronVersion, out, excluded = ''] = process.argv.slice(2);
const run = require('@doyensec/electronegativity');
run({
  input,
  isRelative: true,
  electronVersionOverride: electronVersion,
  customScan: [],
  excludeFromScan: excluded.split(',').filter(Boolean),
}).then(
  (r) => {
    const findings = r.issues.map((i) => ({
      check: i.id, file: i.file, line: i.location.line, column: i.location.column,
      sample: i.sample ?? null, description: i.description, manualReview: !!i.manualReview,
    }));
    writeFileSync(out, JSON.stringify({ checks: r.globalChecks + r.atomicChecks, errors: r.errors, findings }, null, 1));
  },
  (e) => {
    process.stderr.write(String(e && e.stack));
    process.exit(1);
  },
);
