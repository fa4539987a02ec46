/** The bridge's IPC side: every call's sender frame is checked, its arguments by the app API. */
import { ipcMain, type BrowserWindow } from 'electron';
import type { AppApi } from '../core/app-api';
import { CALL_CHANNEL, CHANGE_CHANNEL } from './channels';
import { isTrustedSender } from './window-options';

export function wireIpc(api: AppApi, appUrl: string, windows: () => BrowserWindow[]): () => void {
  ipcMain.handle(CALL_CHANNEL, (event, method: unknown, args: unknown) => {
    // Our page's top frame only: an iframe (even of our own file) is not the window the user sees.
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isTrustedSender(frame.url, appUrl)) {
      return { ok: false, error: { name: 'Forbidden', message: 'this frame may not call Timetray' } };
    }
    return api.dispatch(method, args);
  });
  const off = api.subscribe((change) => {
    for (const w of windows()) if (!w.isDestroyed()) w.webContents.send(CHANGE_CHANNEL, change);
  });
  return () => {
    off();
    ipcMain.removeHandler(CALL_CHANNEL);
  };
}
