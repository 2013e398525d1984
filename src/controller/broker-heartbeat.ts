/**
 * BrokerHeartbeat as Kafka's BrokerHeartbeatManager and ReplicationControlManager decide it.
 * Each heartbeat renews the broker's session and moves it through the states
 *
 *   FENCED ──caught up──▶ UNFENCED ──wantShutDown──▶ CONTROLLED_SHUTDOWN ──▶ SHUTDOWN_NOW
 *
 * A fenced broker is unfenced once its metadata offset reaches its RegisterBrokerRecord.
 * A broker asking to shut down first hands every leadership to another ISR member and leaves
 * every ISR; it is told to shut down once it leads nothing and every active broker has seen
 * those moves. A broker whose session lapses is fenced by `decideFenceStaleBroker`.
 */
import { ErrorCode } from "../protocol/generated/error-codes.ts";
import type { BrokerHeartbeatRequest } from "../protocol/generated/messages/broker-heartbeat-request.ts";
import {
  defaultBrokerHeartbeatResponse,
  type BrokerHeartbeatResponse,
} from "../protocol/generated/messages/broker-heartbeat-response.ts";
import type { MetadataRecord } from "../metadata/metadata-record.ts";
import { staleBrokerEpoch } from "./broker-registration.ts";
import type { ControllerState } from "./controller-state.ts";
import { decided, type Decision } from "./decision.ts";
import {
  controlledShutdownRecords,
  fenceBrokerRecords,
  unfenceBrokerRecords,
} from "./leader-and-isr-updates.ts";

type BrokerControlState = "FENCED" | "UNFENCED" | "CONTROLLED_SHUTDOWN" | "SHUTDOWN_NOW";

const FLAGS: Record<
  BrokerControlState,
  { fenced: boolean; inControlledShutdown: boolean; shouldShutDown: boolean }
> = {
  FENCED: { fenced: true, inControlledShutdown: false, shouldShutDown: false },
  UNFENCED: { fenced: false, inControlledShutdown: false, shouldShutDown: false },
  CONTROLLED_SHUTDOWN: { fenced: false, inControlledShutdown: true, shouldShutDown: false },
  SHUTDOWN_NOW: { fenced: true, inControlledShutdown: false, shouldShutDown: true },
};

export function decideBrokerHeartbeat(
  state: ControllerState,
  request: BrokerHeartbeatRequest,
): Decision<BrokerHeartbeatResponse> {
  const { brokerId, brokerEpoch, currentMetadataOffset } = request;
  if (staleBrokerEpoch(state, brokerId, brokerEpoch)) {
    return decided([], {
      ...defaultBrokerHeartbeatResponse(),
      errorCode: ErrorCode.STALE_BROKER_EPOCH,
    });
  }
  const registrationOffset = state.registrationOffsets.get(brokerId) ?? state.image.offset;
  const current = currentState(state, brokerId);
  const next = nextState(state, request, current, registrationOffset);
  const records: MetadataRecord[] = [];
  if (next !== current) {
    if (next === "FENCED" || next === "SHUTDOWN_NOW")
      records.push(...fenceBrokerRecords(state, brokerId));
    else if (next === "UNFENCED")
      records.push(...unfenceBrokerRecords(state, brokerId, brokerEpoch));
    else records.push(...controlledShutdownRecords(state, brokerId, brokerEpoch));
  }
  const now = state.nowMs();
  state.heartbeats.touch(brokerId, now, FLAGS[next].fenced, currentMetadataOffset);
  const response: BrokerHeartbeatResponse = {
    ...defaultBrokerHeartbeatResponse(),
    errorCode: ErrorCode.NONE,
    isCaughtUp: currentMetadataOffset >= registrationOffset,
    isFenced: FLAGS[next].fenced,
    shouldShutDown: FLAGS[next].shouldShutDown,
  };
  return {
    records,
    respond: () => response,
    afterAppend(lastOffset) {
      // The shutdown is complete once every active broker has replayed up to here.
      if (next === "CONTROLLED_SHUTDOWN")
        state.heartbeats.beginControlledShutdown(brokerId, lastOffset, now);
    },
  };
}

function currentState(state: ControllerState, brokerId: number): BrokerControlState {
  if (state.heartbeats.isShuttingDown(brokerId)) return "CONTROLLED_SHUTDOWN";
  return state.image.brokers.get(brokerId)?.fenced === false ? "UNFENCED" : "FENCED";
}

function nextState(
  state: ControllerState,
  request: BrokerHeartbeatRequest,
  current: BrokerControlState,
  registrationOffset: bigint,
): BrokerControlState {
  const { brokerId } = request;
  switch (current) {
    case "FENCED":
      if (request.wantShutDown) return "SHUTDOWN_NOW";
      if (!request.wantFence && request.currentMetadataOffset >= registrationOffset)
        return "UNFENCED";
      return "FENCED";
    case "UNFENCED":
      if (request.wantFence) return request.wantShutDown ? "SHUTDOWN_NOW" : "FENCED";
      if (request.wantShutDown)
        return state.hasLeaderships(brokerId) ? "CONTROLLED_SHUTDOWN" : "SHUTDOWN_NOW";
      return "UNFENCED";
    case "CONTROLLED_SHUTDOWN": {
      if (state.hasLeaderships(brokerId)) return "CONTROLLED_SHUTDOWN";
      const shutdownOffset = state.heartbeats.controlledShutdownOffset(brokerId) ?? -1n;
      const lowest = state.heartbeats.lowestOffsetOf(state.activeBrokerIds());
      return lowest === null || shutdownOffset <= lowest ? "SHUTDOWN_NOW" : "CONTROLLED_SHUTDOWN";
    }
    case "SHUTDOWN_NOW":
      return "SHUTDOWN_NOW";
  }
}

/**
 * The tick's session check (Kafka's maybeFenceOneStaleBroker): fence the unfenced broker
 * whose session lapsed longest ago, one per operation so each fencing's leader moves are
 * visible before the next is decided.
 */
export function decideFenceStaleBroker(state: ControllerState): Decision<number | null> {
  const unfenced = [...state.image.brokers.values()]
    .filter((broker) => !broker.fenced)
    .map((broker) => broker.id);
  const stale = state.heartbeats.oldestExpired(unfenced, state.nowMs());
  if (stale === null) return decided([], null);
  const records = fenceBrokerRecords(state, stale);
  state.heartbeats.fence(stale);
  return decided(records, stale);
}

/** Is any unfenced broker's session over? (Cheap check before queueing a fencing.) */
export function anyStaleBroker(state: ControllerState): boolean {
  const unfenced = [...state.image.brokers.values()]
    .filter((broker) => !broker.fenced)
    .map((broker) => broker.id);
  return state.heartbeats.oldestExpired(unfenced, state.nowMs()) !== null;
}
