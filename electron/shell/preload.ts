/**
 * The only thing the sandboxed renderer gets: `window.timetray`, built on one invoke channel and
 * one event channel. No Node, no ipcRenderer, no tokens.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createBridge, type ChangeEvent, type Envelope } from '../../shared/bridge';
import { CALL_CHANNEL, CHANGE_CHANNEL } from './channels';

contextBridge.exposeInMainWorld(
  'timetray',
  createBridge(
    (method, args) => ipcRenderer.invoke(CALL_CHANNEL, method, args) as Promise<Envelope>,
    (listener) => {
      const h = (_e: IpcRendererEvent, change: ChangeEvent) => listener(change);
      ipcRenderer.on(CHANGE_CHANNEL, h);
      return () => ipcRenderer.removeListener(CHANGE_CHANNEL, h);
    },
  ),
);
