/**
 * One fake provider in its own process, so the server's CPU is not the client's: prints its URL.
 * A second argument, JSON {requests, windowMs}, makes the server enforce that rate limit.
 */
import { fakeFor } from '../providers';

const limit = process.argv[3] ? (JSON.parse(process.argv[3]) as { requests: number; windowMs: number }) : null;
void fakeFor(process.argv[2]!)().then((s) => {
  if (limit) s.rateLimit = limit;
  // The bench reads what the server answered: every status, in order.
  process.on('SIGUSR2', () => process.stdout.write(`${JSON.stringify(s.log.map((l) => l.status))}\n`));
  process.stdout.write(`${JSON.stringify({ url: s.url, token: s.token, account: s.account() })}\n`);
});
