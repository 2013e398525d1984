/**
 * What a request handler is: one file per API key (handlers/NN-name.ts) exports one of
 * these. The version range it declares is what ApiVersions advertises. A handler may
 * answer at once or later (a Produce with acks=all waits for the ISR, a Fetch for
 * fetch.min.bytes): it returns the response or a promise of it.
 */
import type { RequestMeta } from "../protocol/frames.ts";
import type { HandlerRegistry } from "./handler-registry.ts";

export interface RequestContext<Services = unknown> {
  meta: RequestMeta;
  /** The registry the request arrived through, for ApiVersions. */
  registry: HandlerRegistry<Services>;
  /** What the node lends its handlers: logs, metadata, replica manager, controller, … */
  services: Services;
}

export interface Handler<Request = never, Response = unknown, Services = unknown> {
  apiKey: number;
  minVersion: number;
  maxVersion: number;
  handle(
    request: Request,
    context: RequestContext<Services>,
  ): Response | NoResponse | Promise<Response | NoResponse>;
}

/** What a handler returns when Kafka sends no response at all (Produce with acks=0). */
export const NO_RESPONSE: unique symbol = Symbol("no response");
export type NoResponse = typeof NO_RESPONSE;

/** Keeps a handler's request and response types tied to its codecs. */
export function defineHandler<Request, Response, Services = unknown>(
  handler: Handler<Request, Response, Services>,
): Handler<Request, Response, Services> {
  return handler;
}
