// The only bridge between the sandboxed renderer and the main process: it moves API protocol messages
// on one channel and exposes nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { API_CHANNEL } from './security';

contextBridge.exposeInMainWorld('podwright', {
  send(message: unknown): void {
    ipcRenderer.send(API_CHANNEL, message);
  },
  onMessage(receiver: (message: unknown) => void): void {
    ipcRenderer.removeAllListeners(API_CHANNEL);
    ipcRenderer.on(API_CHANNEL, (_event, message: unknown) => receiver(message));
  },
});
