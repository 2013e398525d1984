/** The handlers a broker starts with. Each later API adds its handler file here. */
import { HandlerRegistry } from "./handler-registry.ts";
import { apiVersionsHandler } from "./handlers/18-api-versions.ts";

export function createHandlerRegistry(): HandlerRegistry {
  return new HandlerRegistry().register(apiVersionsHandler);
}
