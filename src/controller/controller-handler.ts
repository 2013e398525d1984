/**
 * The shape of a handler on the CONTROLLER listener. It is the broker's `Handler`
 * (src/broker/handler.ts) seen structurally: the layer rule keeps controller/ from
 * importing broker/, and a controller handler needs only the request header from the
 * context, so these register in a broker's HandlerRegistry as they are.
 */
import type { RequestMeta } from "../protocol/frames.ts";

export interface ControllerRequestContext {
  meta: RequestMeta;
}

export interface ControllerHandler<Request = never, Response = unknown> {
  apiKey: number;
  minVersion: number;
  maxVersion: number;
  handle(request: Request, context: ControllerRequestContext): Promise<Response>;
}

/** Keeps a handler's request and response types tied to its codecs. */
export function defineControllerHandler<Request, Response>(
  handler: ControllerHandler<Request, Response>,
): ControllerHandler<Request, Response> {
  return handler;
}
