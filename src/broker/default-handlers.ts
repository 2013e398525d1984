/** The handlers a broker's client listener serves. Each API adds its handler file here. */
import type { BrokerServices } from "./broker-services.ts";
import { HandlerRegistry } from "../server/handler-registry.ts";
import { produceHandler } from "./handlers/00-produce.ts";
import { fetchHandler } from "./handlers/01-fetch.ts";
import { listOffsetsHandler } from "./handlers/02-list-offsets.ts";
import { metadataHandler } from "./handlers/03-metadata.ts";
import { offsetCommitHandler } from "./handlers/08-offset-commit.ts";
import { offsetFetchHandler } from "./handlers/09-offset-fetch.ts";
import { findCoordinatorHandler } from "./handlers/10-find-coordinator.ts";
import { joinGroupHandler } from "./handlers/11-join-group.ts";
import { heartbeatHandler } from "./handlers/12-heartbeat.ts";
import { leaveGroupHandler } from "./handlers/13-leave-group.ts";
import { syncGroupHandler } from "./handlers/14-sync-group.ts";
import { describeGroupsHandler } from "./handlers/15-describe-groups.ts";
import { listGroupsHandler } from "./handlers/16-list-groups.ts";
import { apiVersionsHandler } from "../server/handlers/18-api-versions.ts";
import { offsetForLeaderEpochHandler } from "./handlers/23-offset-for-leader-epoch.ts";
import { createTopicsHandler } from "./handlers/19-create-topics.ts";
import { deleteTopicsHandler } from "./handlers/20-delete-topics.ts";
import { deleteRecordsHandler } from "./handlers/21-delete-records.ts";
import { initProducerIdHandler } from "./handlers/22-init-producer-id.ts";
import { describeConfigsHandler } from "./handlers/32-describe-configs.ts";
import { alterConfigsHandler } from "./handlers/33-alter-configs.ts";
import { createPartitionsHandler } from "./handlers/37-create-partitions.ts";
import { electLeadersHandler } from "./handlers/43-elect-leaders.ts";
import { incrementalAlterConfigsHandler } from "./handlers/44-incremental-alter-configs.ts";
import { deleteGroupsHandler } from "./handlers/42-delete-groups.ts";
import { describeQuorumHandler } from "./handlers/55-describe-quorum.ts";
import { offsetDeleteHandler } from "./handlers/47-offset-delete.ts";
import { describeClusterHandler } from "./handlers/60-describe-cluster.ts";
import { describeProducersHandler } from "./handlers/61-describe-producers.ts";

export function createBrokerHandlerRegistry(): HandlerRegistry<BrokerServices> {
  return new HandlerRegistry<BrokerServices>()
    .register(produceHandler)
    .register(fetchHandler)
    .register(listOffsetsHandler)
    .register(metadataHandler)
    .register(offsetCommitHandler)
    .register(offsetFetchHandler)
    .register(findCoordinatorHandler)
    .register(joinGroupHandler)
    .register(heartbeatHandler)
    .register(leaveGroupHandler)
    .register(syncGroupHandler)
    .register(describeGroupsHandler)
    .register(listGroupsHandler)
    .register(apiVersionsHandler)
    .register(offsetForLeaderEpochHandler)
    .register(createTopicsHandler)
    .register(deleteTopicsHandler)
    .register(deleteRecordsHandler)
    .register(initProducerIdHandler)
    .register(describeConfigsHandler)
    .register(alterConfigsHandler)
    .register(createPartitionsHandler)
    .register(electLeadersHandler)
    .register(incrementalAlterConfigsHandler)
    .register(deleteGroupsHandler)
    .register(offsetDeleteHandler)
    .register(describeQuorumHandler)
    .register(describeClusterHandler)
    .register(describeProducersHandler);
}
