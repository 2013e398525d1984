/**
 * The shape of a request handler, structurally the broker's `Handler` (src/broker/handler.ts)
 * so the node can register these in its CONTROLLER listener's HandlerRegistry. It is
 * restated here because the layer rule keeps controller/ from importing broker/.
 */
import type { RequestMeta } from "../../protocol/frames.ts";

export interface RaftRequestContext {
  meta: RequestMeta;
}

export interface RaftHandler<Request = never, Response = unknown> {
  apiKey: number;
  minVersion: number;
  maxVersion: number;
  handle(request: Request, context: RaftRequestContext): Response | Promise<Response>;
}

/** Keeps a handler's request and response types tied to its codecs. */
export function defineRaftHandler<Request, Response>(handler: RaftHandler<Request, Response>): RaftHandler<Request, Response> {
  return handler;
}
