/**
 * The one predicate between a URL and the system browser, against a table of URLs an attacker
 * would try (the shape of Actual Budget's trusted-url tests: each row a trick, each expected answer).
 */
import { describe, expect, it } from 'vitest';
import { allowedHref, EXTERNAL_SITES, isAllowedExternal, openAllowedExternal } from '../../electron/shell/external-links';

const allowed: [string, string][] = [
  ['https://moneybird.com', 'https://moneybird.com/'],
  ['https://developer.moneybird.com/api/time_entries/', 'https://developer.moneybird.com/api/time_entries/'],
  ['HTTPS://MONEYBIRD.COM', 'https://moneybird.com/'],
  ['https://moneybird.com:443/help', 'https://moneybird.com/help'],
  ['https://www.moneybird.nl/support?q=uren#top', 'https://www.moneybird.nl/support?q=uren#top'],
  ['https://docs.kukkingu.software/api-reference', 'https://docs.kukkingu.software/api-reference'],
  ['https://docs.expensicat.com/time-entries', 'https://docs.expensicat.com/time-entries'],
  ['https://developer.mavenlink.com/', 'https://developer.mavenlink.com/'],
  ['https://knowledge.kantata.com/hc/en-us', 'https://knowledge.kantata.com/hc/en-us'],
  ['https://voltasis.com/docs', 'https://voltasis.com/docs'],
  // A dot-segment in the path stays on the same site; the browser gets the resolved path.
  ['https://moneybird.com/a/%2e%2e/b', 'https://moneybird.com/b'],
];

const hostile: [string, unknown][] = [
  ['userinfo before an evil host', 'https://moneybird.com@evil.com'],
  ['userinfo with a password', 'https://moneybird.com:pw@evil.com/'],
  ['empty userinfo on an allowed host', 'https://@moneybird.com/'],
  ['userinfo on an allowed host', 'https://user@moneybird.com/'],
  ['allowed name in the path', 'https://evil.com/moneybird.com'],
  ['allowed name in the query', 'https://evil.com/?u=https://moneybird.com'],
  ['allowed name in the fragment', 'https://evil.com#moneybird.com'],
  ['allowed name as a prefix of an evil domain', 'https://moneybird.com.evil.com'],
  ['allowed name glued to another name', 'https://evilmoneybird.com'],
  ['hyphenated look-alike', 'https://moneybird-com.evil.com'],
  ['allowed suffix without the dot', 'https://notmoneybird.com/'],
  ['trailing dot', 'https://moneybird.com./'],
  ['trailing dot on a subdomain', 'https://developer.moneybird.com.'],
  ['empty label', 'https://developer..moneybird.com/'],
  ['leading dot', 'https://.moneybird.com/'],
  ['label starting with a hyphen', 'https://-x.moneybird.com/'],
  ['IDN look-alike (Cyrillic o)', 'https://m\u043eneybird.com/'],
  ['IDN look-alike in punycode', 'https://xn--mneybird-3ve.com/'],
  ['fullwidth dot', 'https://moneybird\uff0ecom/'],
  ['fullwidth letters', 'https://\uff4doneybird.com/'],
  ['percent-encoded dot in the host', 'https://moneybird%2ecom/'],
  ['percent-encoded host', 'https://%6d%6f%6e%65%79%62%69%72%64.com/'],
  ['encoded @ in the authority', 'https://moneybird.com%40evil.com/'],
  ['javascript:', 'javascript:alert(1)//https://moneybird.com'],
  ['JavaScript: mixed case', 'JaVaScRiPt:alert(document.domain)'],
  ['javascript: with a tab', 'java\tscript:alert(1)'],
  ['file:', 'file:///etc/passwd'],
  ['file: on a share', 'file://evil.com/share/run.exe'],
  ['data:', 'data:text/html,<script>alert(1)</script>'],
  ['vbscript:', 'vbscript:msgbox(1)'],
  ['smb:', 'smb://evil.com/share'],
  ['custom app scheme', 'ms-msdt:/id PCWDiagnostic'],
  ['http: downgrade', 'http://moneybird.com/'],
  ['ws:', 'wss://moneybird.com/'],
  ['ftp:', 'ftp://moneybird.com/'],
  ['scheme-relative', '//evil.com'],
  ['scheme-relative to an allowed host', '//moneybird.com/'],
  ['https: without slashes', 'https:moneybird.com'],
  ['https: with one slash', 'https:/moneybird.com'],
  ['https: with three slashes', 'https:///moneybird.com'],
  ['backslashes for slashes', 'https:\\\\moneybird.com\\'],
  ['backslash before an evil host', 'https://moneybird.com\\@evil.com/'],
  ['backslash in the path', 'https://evil.com\\moneybird.com'],
  ['explicit non-default port', 'https://moneybird.com:8443/'],
  ['port 80 over https', 'https://moneybird.com:80/'],
  ['empty port', 'https://moneybird.com:/'],
  ['leading space', ' https://moneybird.com/'],
  ['trailing newline', 'https://moneybird.com/\n'],
  ['tab inside the host', 'https://money\tbird.com/'],
  ['newline inside the scheme', 'ht\ntps://evil.com/'],
  ['NUL byte', 'https://moneybird.com\u0000.evil.com/'],
  ['zero-width space in the host', 'https://money\u200bbird.com/'],
  ['no-break space', 'https://moneybird.com\u00a0/'],
  ['right-to-left override', 'https://\u202emoc.liveeb/moneybird.com'],
  ['IPv4 host', 'https://93.184.216.34/'],
  ['IPv4 in hex', 'https://0x7f.1/'],
  ['IPv6 host', 'https://[::1]/'],
  ['localhost', 'https://localhost/'],
  ['an unrelated site', 'https://example.com/'],
  ['empty string', ''],
  ['only a scheme', 'https://'],
  ['not a string: null', null],
  ['not a string: a URL object', new URL('https://moneybird.com/')],
  ['not a string: an array', ['https://moneybird.com/']],
  ['too long', `https://moneybird.com/${'a'.repeat(3000)}`],
];

describe('isAllowedExternal', () => {
  it.each(allowed)('opens %s as %s', (url, href) => {
    expect(isAllowedExternal(url)).toBe(true);
    expect(allowedHref(url)).toBe(href);
  });

  it.each(hostile)('refuses %s', (_trick, url) => {
    expect(isAllowedExternal(url)).toBe(false);
    expect(allowedHref(url)).toBeNull();
  });

  it('the table is as long as the report says, and each provider has a site', () => {
    expect(hostile.length).toBe(65);
    for (const name of ['voltasis', 'kantata', 'kukkingu', 'expensicat', 'moneybird']) {
      expect(EXTERNAL_SITES.some((s) => s.includes(name))).toBe(true);
    }
  });
});

describe('openAllowedExternal', () => {
  it('hands only allowed links to the browser, as the href that was checked', () => {
    const opened: string[] = [];
    const open = (href: string) => opened.push(href);
    expect(openAllowedExternal('HTTPS://Developer.Moneybird.com/api', open)).toBe(true);
    for (const [, url] of hostile) expect(openAllowedExternal(url, open)).toBe(false);
    expect(opened).toEqual(['https://developer.moneybird.com/api']);
  });
});
