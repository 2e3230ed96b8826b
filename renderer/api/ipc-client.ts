import type { AdminApi, AdminArgs, AdminOperationName, InkstandBridge } from '../../contract/admin.ts';
import type { InkstandClient } from './client.ts';

/** The Electron window: the preload's bridge carries every call over IPC; no token needed. */
export function createIpcClient(bridge: InkstandBridge): InkstandClient {
  const operations: AdminApi = bridge;
  return {
    transport: 'ipc',
    call<K extends AdminOperationName>(name: K, args: AdminArgs<K>) {
      return operations[name](args);
    },
    on: (event, listener) => bridge.on(event, listener),
    onResync: () => () => {},
    async uploadPhoto(file, onProgress) {
      onProgress(0);
      const result = await bridge['photos.upload']({ name: file.name, data: new Uint8Array(await file.arrayBuffer()) });
      onProgress(1);
      return result;
    },
  };
}
