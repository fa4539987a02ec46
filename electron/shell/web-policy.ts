/**
 * What a page in Timetray's windows may ask of Chromium, decided in one place without Electron so
 * it is tested as plain functions; harden.ts hangs these decisions on the session and each window.
 *
 * The renderer needs no web permission: notifications, the tray and shortcuts belong to the main
 * process, and it reads no camera, microphone, location, clipboard or device. So every permission
 * request and check is refused, for every origin, our own page included (a compromised renderer is
 * exactly the page that would ask). Windows never navigate away from the app page nor open new
 * windows; a link to a provider's own site goes to the system browser instead.
 */
import { allowedHref } from './external-links';

/** Every web permission, device and media request: refused. */
export function permissionGranted(_permission: string, _origin?: string): false {
  return false;
}

/** A navigation a page starts (link, location, form, redirect): never inside our window. */
export interface NavigationDecision {
  /** Always false: the window keeps the app page. */
  allow: false;
  /** The href to give the system browser instead, when it is an allowed provider site. */
  external: string | null;
}

/**
 * A navigation of the main frame. In-page changes (our #settings and #reports views) never reach
 * this: Electron fires will-navigate only for a new document.
 */
export function navigationDecision(url: string): NavigationDecision {
  return { allow: false, external: allowedHref(url) };
}

/** window.open, target=_blank, a middle click (auxclick): never a new Electron window. */
export function windowOpenDecision(url: string): { action: 'deny'; external: string | null } {
  return { action: 'deny', external: allowedHref(url) };
}

/** <webview> tags stay off (webviewTag: false); an attach that happens anyway is refused. */
export function webviewAllowed(): false {
  return false;
}
