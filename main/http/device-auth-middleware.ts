import type { Request, RequestHandler } from 'express';
import type { DeviceAuth } from '../displays/device-auth.ts';
import { HttpError } from './errors.ts';

/** `Authorization: Token <key>`; sets `res.locals.displayId`. */
export function requireDeviceToken(auth: DeviceAuth): RequestHandler {
  return async (req, res, next) => {
    const token = deviceToken(req.get('authorization'));
    if (!token) return next(new HttpError(401, 'not_authenticated', 'missing "Authorization: Token <key>" header'));
    const displayId = await auth.displayFor(token);
    if (displayId === null) return next(new HttpError(401, 'invalid_token', 'the token is unknown or has been revoked; bootstrap again'));
    res.locals.displayId = displayId;
    next();
  };
}

/** The key of an `Authorization: Token <key>` header, or null. */
export function deviceToken(authorization: string | undefined): string | null {
  const match = /^Token\s+(\S{1,200})$/i.exec(authorization ?? '');
  return match ? match[1] : null;
}

/** The base URL the device used to reach us, so the URLs we hand back work from where it stands. */
export function baseUrlOf(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? req.socket.localAddress}`;
}
