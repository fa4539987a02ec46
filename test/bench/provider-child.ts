/** One fake provider in its own process, so the server's CPU is not the client's: prints its URL. */
import type { Provider } from '../../shared/entry';
import { FAKE_PROVIDERS } from '../providers';

void FAKE_PROVIDERS[process.argv[2] as Provider]().then((s) => {
  process.stdout.write(`${JSON.stringify({ url: s.url, token: s.token, account: s.account() })}\n`);
});
