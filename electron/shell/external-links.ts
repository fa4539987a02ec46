/**
 * Which links Timetray hands to the system browser: only the five providers' own sites, over https.
 * shell.openExternal gives a URL to the OS, which runs whatever handles its scheme (file:, smb:,
 * custom app schemes): a renderer that could choose the URL could start programs. So the shell
 * opens a link only through openAllowedExternal, and that asks this one predicate.
 */

/** The providers' registrable domains; their subdomains (developer., help., docs.) are theirs too. */
export const EXTERNAL_SITES: readonly string[] = [
  'voltasis.com',
  'kantata.com',
  'mavenlink.com', // Kantata OX's former name; its API and developer docs still live there
  'kukkingu.software',
  'expensicat.com',
  'moneybird.com',
  'moneybird.nl',
];

// Written out as typed: https, then a host of ASCII letters, digits, dots and hyphens, the default
// port at most, then a path, query or fragment. Anything the URL parser would quietly repair or
// reinterpret (userinfo, %-escapes in the host, backslashes, whitespace, unicode hosts,
// `https:host` without slashes) fails here, before the parser can make it look allowed.
const SHAPE = /^https:\/\/([a-z0-9.-]+)(?::443)?(?:[/?#]|$)/i;
const MAX_LENGTH = 2048;

/** Whether `url` may be opened in the system browser: https, an allowed site, nothing hidden. */
export function isAllowedExternal(url: unknown): boolean {
  return allowedHref(url) !== null;
}

/** The parsed href to open, or null: what is opened is exactly what was checked. */
export function allowedHref(url: unknown): string | null {
  if (typeof url !== 'string' || url.length > MAX_LENGTH) return null;
  // Control characters, spaces and backslashes anywhere: the parser strips or rewrites them.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
  if (/[\u0000-\u0020\u007f-\u009f\\\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/.test(url)) return null;
  const shape = SHAPE.exec(url);
  if (!shape) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = shape[1]!.toLowerCase();
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return null;
  // The parser must agree with what we read (a trailing dot, an empty label or a numeric host do not).
  if (parsed.hostname !== host || host.split('.').some((label) => label === '' || label.startsWith('-') || label.endsWith('-'))) return null;
  if (!EXTERNAL_SITES.some((site) => host === site || host.endsWith(`.${site}`))) return null;
  return parsed.href;
}

/** Opens `url` with `open` (shell.openExternal) when allowed; says whether it did. */
export function openAllowedExternal(url: unknown, open: (href: string) => unknown): boolean {
  const href = allowedHref(url);
  if (href === null) return false;
  void open(href);
  return true;
}
