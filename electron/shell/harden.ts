/**
 * Hangs web-policy.ts's decisions on Electron: the session's permission handlers and each window's
 * navigation, new-window and webview events. Takes Electron's objects as arguments (types only
 * here), so a recorded double of them tests the wiring in plain Node.
 */
import type { Session, WebContents } from 'electron';
import { navigationDecision, permissionGranted, webviewAllowed, windowOpenDecision } from './web-policy';

type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

/**
 * Refuses every permission request and check on `ses`. Call it on the default session before any
 * window loads: without handlers Electron grants most permissions (media, notifications, HID…).
 */
export function hardenSession(ses: PermissionSession): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => callback(permissionGranted(permission, details.requestingUrl)));
  ses.setPermissionCheckHandler((_contents, permission, origin) => permissionGranted(permission, origin));
  ses.setDevicePermissionHandler((details) => permissionGranted(details.deviceType, details.origin));
}

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * A window's page stays the app page: navigations and redirects are cancelled, new windows denied,
 * webviews refused. A provider link among them goes to `openExternal` (shell.openExternal), checked
 * by external-links.ts first; any other URL goes nowhere.
 */
export function guardContents(contents: GuardedContents, openExternal: (href: string) => unknown): void {
  contents.on('will-navigate', (e) => {
    e.preventDefault();
    const d = navigationDecision(e.url);
    if (d.external) void openExternal(d.external);
  });
  // Subframes and server redirects: cancelled, never opened (will-navigate has opened the link).
  contents.on('will-frame-navigate', (e) => {
    if (!e.isMainFrame) e.preventDefault();
  });
  contents.on('will-redirect', (e) => e.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const d = windowOpenDecision(url);
    if (d.external) void openExternal(d.external);
    return { action: d.action };
  });
  contents.on('will-attach-webview', (e) => {
    if (!webviewAllowed()) e.preventDefault();
  });
}
