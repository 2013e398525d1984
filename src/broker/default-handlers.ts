/** The handlers a broker's client listener serves. Each API adds its handler file here. */
import type { BrokerServices } from "./broker-services.ts";
import { HandlerRegistry } from "./handler-registry.ts";
import { produceHandler } from "./handlers/00-produce.ts";
import { fetchHandler } from "./handlers/01-fetch.ts";
import { listOffsetsHandler } from "./handlers/02-list-offsets.ts";
import { metadataHandler } from "./handlers/03-metadata.ts";
import { apiVersionsHandler } from "./handlers/18-api-versions.ts";
import { offsetForLeaderEpochHandler } from "./handlers/23-offset-for-leader-epoch.ts";

/** Just ApiVersions: what a listener answers before it serves anything else. */
export function createHandlerRegistry(): HandlerRegistry {
  return new HandlerRegistry().register(apiVersionsHandler);
}

export function createBrokerHandlerRegistry(): HandlerRegistry<BrokerServices> {
  return new HandlerRegistry<BrokerServices>()
    .register(produceHandler)
    .register(fetchHandler)
    .register(listOffsetsHandler)
    .register(metadataHandler)
    .register(apiVersionsHandler)
    .register(offsetForLeaderEpochHandler);
}
