// The only bridge between the sandboxed renderer and the main process: a typed invoke and an event subscription.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT, IPC_INVOKE } from '../shared/ipc';

contextBridge.exposeInMainWorld('planner', {
  invoke: (channel: string, input: unknown) => ipcRenderer.invoke(IPC_INVOKE, channel, input),
  on: (event: string, listener: (payload: unknown) => void) => {
    const wrapped = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(IPC_EVENT, wrapped);
    return () => ipcRenderer.removeListener(IPC_EVENT, wrapped);
  },
});
