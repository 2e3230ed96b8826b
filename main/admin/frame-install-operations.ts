import QRCode from 'qrcode';
import type { Core } from '../create-core.ts';
import { lanAddresses, preferredLanAddress } from '../frame-program/lan-address.ts';
import { urlHost } from '../frame-program/listeners.ts';
import type { AdminApi } from '../../contract/admin.ts';

export const PANEL_GUIDE_PATH = '/frame/panel-guide';

/** The "Add a frame" page's data: one command with the address a Pi reaches, its QR code, the fingerprint. */
export function frameInstallOperations(core: Core): Pick<AdminApi, 'frameProgram.installInfo'> {
  return {
    async 'frameProgram.installInfo'() {
      const listeners = core.frameProgram.listeners.current;
      const address = await preferredLanAddress(listeners?.boundHost ?? null);
      const frameVersion = core.frameProgram.bundle.version();
      const problem = !listeners
        ? 'The server is not listening (the CLI has no listeners): open this page in the running app.'
        : !frameVersion
          ? 'The frame program is not built in this copy of Inkstand: run `npm run build` (npm start and npm run serve do it for you).'
          : null;
      const command = problem ? null : `curl -fsSL http://${urlHost(address)}:${listeners!.httpPort}/frame/install.sh | sudo sh`;
      return {
        command,
        qrSvg: command ? await QRCode.toString(command, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) : null,
        address,
        otherAddresses: lanAddresses().filter((a) => a !== address),
        httpPort: listeners?.httpPort ?? null,
        fingerprint: listeners?.fingerprint ?? null,
        frameVersion,
        panelGuideUrl: PANEL_GUIDE_PATH,
        panelGuide: core.frameProgram.bundle.get()?.panelGuide ?? null,
        problem,
      };
    },
  };
}
