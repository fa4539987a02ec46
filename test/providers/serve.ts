/**
 * Runs fake providers by hand: `npm run providers [-- name…]`. Prints, for each, the
 * `timetray accounts add` line that points an account at it. Ctrl-C stops them.
 */
import { PROVIDERS, type Provider } from '../../shared/entry';
import { FAKE_PROVIDERS } from './index';

const BASE_PORT = Number(process.env.TIMETRAY_FAKE_PORT ?? 4701);
const wanted = (process.argv.slice(2).length ? process.argv.slice(2) : [...PROVIDERS]) as Provider[];

async function main() {
  for (const name of wanted) {
    if (!FAKE_PROVIDERS[name]) throw new Error(`unknown provider ${name}; one of ${PROVIDERS.join(', ')}`);
    const s = await FAKE_PROVIDERS[name]({ port: BASE_PORT + PROVIDERS.indexOf(name) });
    const a = s.account();
    const ctx = (['org', 'tenant', 'administration', 'user'] as const).map((k) => (a[k] ? ` --${k} ${a[k]}` : '')).join('');
    console.log(`${name}: ${s.url}  token ${s.token}`);
    console.log(`  FAKE_TOKEN=${s.token} npx timetray accounts add ${name} --provider ${name} --base-url ${a.base_url}${ctx} --token-env FAKE_TOKEN`);
  }
}
main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
});
