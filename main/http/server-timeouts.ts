import type http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';

/**
 * Limits that close slow or idle sockets (slowloris, frames that vanish mid-request), for both
 * listeners. Node checks the first two only every `connectionsCheckingInterval` (30 s by default).
 */
export const SERVER_TIMEOUTS = {
  /** A request head must be complete this long after it started (or after the connection opened, see below). */
  headersTimeout: 10_000,
  /** The whole request, body included: room for a 50 MB photo over a slow Wi-Fi link. Responses (long-polls) do not count. */
  requestTimeout: 120_000,
  /** An idle keep-alive connection between two requests. */
  keepAliveTimeout: 15_000,
  connectionsCheckingInterval: 1_000,
} satisfies http.ServerOptions;

/** A socket with no traffic either way for this long is closed: longer than the longest long-poll (60 s). */
const SOCKET_IDLE_MS = 75_000;
/** A TLS client must finish its handshake within this (Node's default is two minutes). */
export const TLS_HANDSHAKE_TIMEOUT_MS = 10_000;

/**
 * Node's header timeout starts with the first byte of a request, so a connection that never sends
 * one would only meet the idle limit: such a socket gets the header timeout as its idle limit
 * until its first request arrives.
 */
export function closeIdleSockets<T extends http.Server | https.Server>(server: T): T {
  server.setTimeout(SOCKET_IDLE_MS);
  const opened = server instanceof https.Server ? 'secureConnection' : 'connection';
  server.on(opened, (socket: Socket) => socket.setTimeout(SERVER_TIMEOUTS.headersTimeout));
  server.prependListener('request', (req: http.IncomingMessage) => {
    if (req.socket.timeout !== SOCKET_IDLE_MS) req.socket.setTimeout(SOCKET_IDLE_MS);
  });
  return server;
}
