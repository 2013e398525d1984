/**
 * AllocateProducerIds as Kafka's ProducerIdControlManager decides it: a broker asks for the
 * next block of 1000 producer ids for its idempotent and transactional producers; the
 * ProducerIdsRecord remembers where the following block starts, so ids are never reused.
 */
import { ErrorCode } from "../protocol/generated/error-codes.ts";
import type { AllocateProducerIdsRequest } from "../protocol/generated/messages/allocate-producer-ids-request.ts";
import {
  defaultAllocateProducerIdsResponse,
  type AllocateProducerIdsResponse,
} from "../protocol/generated/messages/allocate-producer-ids-response.ts";
import { staleBrokerEpoch } from "./broker-registration.ts";
import type { ControllerState } from "./controller-state.ts";
import { decided, type Decision } from "./decision.ts";

export const PRODUCER_ID_BLOCK_SIZE = 1000;
const LONG_MAX = 9_223_372_036_854_775_807n;

export function decideAllocateProducerIds(
  state: ControllerState,
  request: AllocateProducerIdsRequest,
): Decision<AllocateProducerIdsResponse> {
  const failure = (errorCode: number) => decided([], allocateProducerIdsFailure(errorCode));
  if (staleBrokerEpoch(state, request.brokerId, request.brokerEpoch))
    return failure(ErrorCode.STALE_BROKER_EPOCH);
  const first = state.image.nextProducerId;
  // Kafka: "Exhausted all producerIds as the next block's end producerId has exceeded the int64 type limit".
  if (first > LONG_MAX - BigInt(PRODUCER_ID_BLOCK_SIZE))
    return failure(ErrorCode.UNKNOWN_SERVER_ERROR);
  const nextProducerId = first + BigInt(PRODUCER_ID_BLOCK_SIZE);
  return decided(
    [
      {
        type: "ProducerIdsRecord",
        data: { brokerId: request.brokerId, brokerEpoch: request.brokerEpoch, nextProducerId },
      },
    ],
    {
      ...defaultAllocateProducerIdsResponse(),
      errorCode: ErrorCode.NONE,
      producerIdStart: first,
      producerIdLen: PRODUCER_ID_BLOCK_SIZE,
    },
  );
}

export function allocateProducerIdsFailure(errorCode: number): AllocateProducerIdsResponse {
  return { ...defaultAllocateProducerIdsResponse(), errorCode };
}
