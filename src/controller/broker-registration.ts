/**
 * BrokerRegistration as Kafka's ClusterControlManager decides it. A broker registers at
 * startup with a fresh incarnation id and gets a new broker epoch (the offset its
 * RegisterBrokerRecord lands at, at least); it starts fenced and is unfenced by a later
 * heartbeat once it has caught up with the metadata log.
 *
 * A different incarnation under an id whose session is still alive is another process
 * claiming the id: DUPLICATE_BROKER_REGISTRATION. (A restarted broker retries until the old
 * session expires.) Once the session is gone the new incarnation replaces the old one.
 */
import { ErrorCode } from "../protocol/generated/error-codes.ts";
import type { BrokerRegistrationRequest } from "../protocol/generated/messages/broker-registration-request.ts";
import type { BrokerRegistrationResponse } from "../protocol/generated/messages/broker-registration-response.ts";
import { defaultBrokerRegistrationResponse } from "../protocol/generated/messages/broker-registration-response.ts";
import type { MetadataRecord } from "../metadata/metadata-record.ts";
import type { ControllerState } from "./controller-state.ts";
import { decided, type Decision } from "./decision.ts";
import { leaderAndIsrUpdates } from "./leader-and-isr-updates.ts";

export function decideBrokerRegistration(
  state: ControllerState,
  request: BrokerRegistrationRequest,
): Decision<BrokerRegistrationResponse> {
  const refuse = (errorCode: number) =>
    decided([], { ...defaultBrokerRegistrationResponse(), errorCode, brokerEpoch: -1n });
  if (request.clusterId !== state.identity.clusterId)
    return refuse(ErrorCode.INCONSISTENT_CLUSTER_ID);
  const brokerId = request.brokerId;
  const now = state.nowMs();
  const existing = state.image.brokers.get(brokerId);
  const newIncarnation = existing !== undefined && existing.incarnationId !== request.incarnationId;
  if (newIncarnation && state.heartbeats.hasValidSession(brokerId, now))
    return refuse(ErrorCode.DUPLICATE_BROKER_REGISTRATION);

  const records: MetadataRecord[] = [];
  // The old incarnation may still lead or sit in ISRs (its session lapsed before it was fenced):
  // it holds none of that any more.
  if (newIncarnation && existing?.fenced === false)
    records.push(...leaderAndIsrUpdates(state, { brokerToRemove: brokerId }));
  const brokerEpoch = state.nextWriteOffset() + BigInt(records.length);
  records.push({
    type: "RegisterBrokerRecord",
    data: {
      brokerId,
      isMigratingZkBroker: false,
      incarnationId: request.incarnationId,
      brokerEpoch,
      endPoints: request.listeners.map(({ name, host, port, securityProtocol }) => ({
        name,
        host,
        port,
        securityProtocol,
      })),
      features: request.features.map(({ name, minSupportedVersion, maxSupportedVersion }) => ({
        name,
        minSupportedVersion,
        maxSupportedVersion,
      })),
      rack: request.rack,
      fenced: true,
      inControlledShutdown: false,
      logDirs: [...request.logDirs],
    },
  });
  return {
    records,
    respond: () => ({
      ...defaultBrokerRegistrationResponse(),
      errorCode: ErrorCode.NONE,
      brokerEpoch,
    }),
    afterAppend(lastOffset) {
      // The RegisterBrokerRecord is the batch's last record: the broker must replay it before unfencing.
      state.registrationOffsets.set(brokerId, lastOffset);
      state.heartbeats.register(brokerId, state.nowMs());
    },
  };
}

/** Kafka's checkBrokerEpoch: the request must come from the broker's current registration. */
export function staleBrokerEpoch(
  state: ControllerState,
  brokerId: number,
  brokerEpoch: bigint,
): boolean {
  const registration = state.image.brokers.get(brokerId);
  return registration === undefined || registration.epoch !== brokerEpoch;
}
