import { create } from 'zustand';
import { reportingUnauthorized, setClient, type InkstandClient } from '../api/client.ts';

interface SessionState {
  /** The admin token was refused (e.g. the server restarted and minted a new one): the token screen shows. */
  unauthorized: boolean;
}

export const useSession = create<SessionState>()(() => ({ unauthorized: false }));

/** Makes `api` the client of every store and view, so that a 401 from any call or upload reaches the token screen. */
export function startSession(api: InkstandClient): void {
  useSession.setState({ unauthorized: false });
  setClient(reportingUnauthorized(api, () => useSession.setState({ unauthorized: true })));
}
