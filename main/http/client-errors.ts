import http from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * Node answers a request it cannot parse (headers over its 16 KB limit, a malformed request line, a
 * request that took too long) itself, with an empty body. These get our error shape instead, so a
 * device reads a status and a reason like everywhere else.
 */
export function answerUnparsableRequests(server: http.Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    // Only the HTTP parser's complaints get an answer: a TLS client error (a handshake that never
    // finished) cannot carry an HTTP response, and waiting to send one would keep the socket open.
    const httpLevel = err.code?.startsWith('HPE_') || err.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    if (!httpLevel || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, code, detail] = err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'headers_too_large', 'request headers are too large']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request_timeout', 'the request took too long to arrive']
        : [400, 'bad_request', 'malformed HTTP request'];
    const body = JSON.stringify({ status, detail, code });
    socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
}
