/** The handlers of the CONTROLLER listener, one file per API key under handlers/. */
import { type Handler } from "../server/handler.ts";
import type { ControllerOperations } from "./controller-operation.ts";
import { createTopicsHandler } from "./handlers/19-create-topics.ts";
import { deleteTopicsHandler } from "./handlers/20-delete-topics.ts";
import { alterConfigsHandler } from "./handlers/33-alter-configs.ts";
import { createPartitionsHandler } from "./handlers/37-create-partitions.ts";
import { electLeadersHandler } from "./handlers/43-elect-leaders.ts";
import { incrementalAlterConfigsHandler } from "./handlers/44-incremental-alter-configs.ts";
import { alterPartitionHandler } from "./handlers/56-alter-partition.ts";
import { brokerRegistrationHandler } from "./handlers/62-broker-registration.ts";
import { brokerHeartbeatHandler } from "./handlers/63-broker-heartbeat.ts";
import { allocateProducerIdsHandler } from "./handlers/67-allocate-producer-ids.ts";

export function createControllerHandlers(
  controller: ControllerOperations,
): Handler<never, unknown>[] {
  return [
    createTopicsHandler(controller),
    deleteTopicsHandler(controller),
    alterConfigsHandler(controller),
    createPartitionsHandler(controller),
    electLeadersHandler(controller),
    incrementalAlterConfigsHandler(controller),
    alterPartitionHandler(controller),
    brokerRegistrationHandler(controller),
    brokerHeartbeatHandler(controller),
    allocateProducerIdsHandler(controller),
  ] as Handler<never, unknown>[];
}
