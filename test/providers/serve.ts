/**
 * Runs fake providers by hand: `npm run providers [-- name…]`. Prints, for each, the
 * `timetray accounts add` line that points an account at it. Ctrl-C stops them.
 */
import { CONTEXT_FIELDS, PROVIDER_IDS } from '../../electron/core/sync/connectors';
import { fakeFor } from './index';

const BASE_PORT = Number(process.env.TIMETRAY_FAKE_PORT ?? 4701);
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : [...PROVIDER_IDS];

async function main() {
  for (const name of wanted) {
    if (!PROVIDER_IDS.includes(name)) throw new Error(`unknown provider ${name}; one of ${PROVIDER_IDS.join(', ')}`);
    const s = await fakeFor(name)({ port: BASE_PORT + PROVIDER_IDS.indexOf(name) });
    const a = s.account();
    const ctx = CONTEXT_FIELDS.map((f) => (a.context[f.key] ? ` ${f.flag.split(' ')[0]} ${a.context[f.key]}` : '')).join('');
    console.log(`${name}: ${s.url}  token ${s.token}`);
    console.log(`  FAKE_TOKEN=${s.token} npx timetray accounts add ${name} --provider ${name} --base-url ${a.base_url}${ctx} --token-env FAKE_TOKEN`);
  }
}
main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
});
