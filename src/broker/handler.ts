/**
 * What a request handler is: one file per API key (handlers/NN-name.ts) exports one of
 * these. The version range it declares is what ApiVersions advertises.
 */
import type { RequestMeta } from "../protocol/frames.ts";
import type { HandlerRegistry } from "./handler-registry.ts";

export interface RequestContext {
  meta: RequestMeta;
  /** The registry the request arrived through, for ApiVersions. */
  registry: HandlerRegistry;
}

export interface Handler<Request = never, Response = unknown> {
  apiKey: number;
  minVersion: number;
  maxVersion: number;
  handle(request: Request, context: RequestContext): Response;
}

/** Keeps a handler's request and response types tied to its codecs. */
export function defineHandler<Request, Response>(handler: Handler<Request, Response>): Handler<Request, Response> {
  return handler;
}
