import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { ADMIN_EVENTS, ADMIN_OPERATIONS, type AdminApi, type AdminArgs, type AdminOperationName, type AdminResult, type InkstandBridge } from '../contract/admin.ts';
import { eventChannel, type IpcReply } from '../main/desktop/ipc-protocol.ts';

function invoker<K extends AdminOperationName>(name: K) {
  return async (args: AdminArgs<K>): Promise<AdminResult<K>> => {
    const reply = (await ipcRenderer.invoke(name, args)) as IpcReply<AdminResult<K>>;
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.value;
  };
}

/** One method per operation of the contract, generated from its list. */
function operationMethods(): AdminApi {
  return Object.fromEntries(ADMIN_OPERATIONS.map((name) => [name, invoker(name)])) as AdminApi;
}

const on: InkstandBridge['on'] = (event, listener) => {
  if (!(ADMIN_EVENTS as readonly string[]).includes(event)) throw new Error(`unknown event "${event}"`);
  const channel = eventChannel(event);
  const forward = (_e: IpcRendererEvent, payload: Parameters<typeof listener>[0]) => listener(payload);
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
};

const bridge = { ...operationMethods(), on } satisfies InkstandBridge;

contextBridge.exposeInMainWorld('inkstand', bridge);
