/**
 * The renderer's only way to the main process: `window.timetray`, put there by Electron's preload.
 * In the browser host there is no preload, so the same contract is built over HTTP instead.
 */
import type { TimetrayBridge } from '../../shared/bridge';

export async function getBridge(): Promise<TimetrayBridge> {
  if (window.timetray) return window.timetray;
  if (location.protocol === 'http:') return (await import('./http-bridge')).httpBridge();
  throw new Error('No bridge to the Timetray core: open this window from the app or the host');
}
