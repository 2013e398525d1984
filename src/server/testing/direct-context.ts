/** A request context for calling a handler directly in a test, without a listener. */
import type { RequestMeta } from "../../protocol/frames.ts";
import type { RequestContext } from "../handler.ts";
import { HandlerRegistry } from "../handler-registry.ts";

export function directContext(meta: RequestMeta): RequestContext<undefined> {
  return { meta, registry: new HandlerRegistry<undefined>(), services: undefined };
}
