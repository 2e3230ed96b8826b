import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DeviceAuth } from '../displays/device-auth.ts';
import { telemetryFromHeaders, type TelemetryRecorder } from '../displays/telemetry.ts';
import type { DisplayContentService } from '../display-content/display-content-service.ts';
import { deviceToken } from './device-auth-middleware.ts';
import { NATIVE_TELEMETRY_HEADERS } from './device-routes.ts';

export interface DeviceFastPathDeps {
  auth: DeviceAuth;
  displayContent: DisplayContentService;
  telemetry: TelemetryRecorder;
}

/**
 * The device hot path, ahead of Express: most requests of a fleet are "has anything changed?"
 * (`GET /api/display/state` or `/api/display/image?version=V` with `If-None-Match`), and when the
 * answer is no, memory alone can give it: the token from the auth cache (checked against other
 * processes' commits first), the state from the display content cache. That costs microseconds instead of
 * the whole middleware stack. Whatever it cannot answer that way — no or unknown token, a state to
 * recompute, an ETag that no longer matches, a long-poll to hold, any other query — it leaves to the
 * device routes (returns false), which give the same answer the long way.
 */
export function notModifiedFromMemory(deps: DeviceFastPathDeps): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const ifNoneMatch = req.headers['if-none-match'];
    if (req.method !== 'GET' || !ifNoneMatch) return false;
    const url = req.url ?? '';
    const queryAt = url.indexOf('?');
    const path = queryAt < 0 ? url : url.slice(0, queryAt);
    if (path !== STATE_PATH && path !== IMAGE_PATH) return false;
    const token = deviceToken(req.headers.authorization);
    const displayId = token ? deps.auth.cachedDisplayFor(token) : undefined;
    const state = displayId === undefined ? undefined : deps.displayContent.inMemory(displayId);
    if (displayId === undefined || !state) return false;
    const query = queryAt < 0 ? '' : url.slice(queryAt + 1);

    if (path === STATE_PATH) {
      if ((query !== '' && query !== 'wait=0') || ifNoneMatch !== state.etag) return false;
      deps.telemetry.record(displayId, telemetryFromHeaders((name) => req.headers[name] as string | undefined, NATIVE_TELEMETRY_HEADERS));
      res.writeHead(304, { ETag: state.etag, 'Cache-Control': 'no-cache' }).end();
      return true;
    }
    const etag = `"${state.version}"`;
    if (query !== `version=${state.version}` || ifNoneMatch !== etag) return false;
    res.writeHead(304, { ETag: etag }).end();
    return true;
  };
}

const STATE_PATH = '/api/display/state';
const IMAGE_PATH = '/api/display/image';
