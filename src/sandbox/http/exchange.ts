/**
 * One request and its response, over HTTP/1.1 or HTTP/2 (the server takes both on one port). The compat API makes
 * the two look alike, except where a connection is concerned: on HTTP/2 the connection carries other calls' streams,
 * so a call is dropped by resetting its stream, never by destroying the shared socket.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { constants, Http2ServerRequest, type Http2ServerResponse } from 'node:http2';

export type Request = IncomingMessage | Http2ServerRequest;
export type Response = ServerResponse | Http2ServerResponse;

export function isHttp2(req: Request): req is Http2ServerRequest {
  return req instanceof Http2ServerRequest;
}

/** The call ends with no answer: its stream reset (HTTP/2), or its connection destroyed (HTTP/1.1, as before). */
export function drop(req: Request): void {
  if (isHttp2(req)) req.stream.close(constants.NGHTTP2_INTERNAL_ERROR);
  else req.socket.destroy();
}

/** The client is gone or the call was dropped: nothing more can be sent. */
export function isGone(req: Request, res: Response): boolean {
  return isHttp2(req) ? req.stream.destroyed || req.stream.closed : res.destroyed || req.socket.destroyed;
}
