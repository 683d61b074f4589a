import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

// Sandboxed preload: bundled into one CommonJS file (dist/preload/index.cjs). Only the named
// bridge crosses into the page; ipcRenderer itself stays in this isolated world.
contextBridge.exposeInMainWorld('dbtCoach', createBridge(ipcRenderer));
