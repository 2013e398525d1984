/**
 * InitProducerId (key 22). An idempotent producer (transactionalId null) always gets a new
 * producer id with epoch 0, from the blocks the controller hands this broker — also when it
 * sends its current id and epoch (v3+, KIP-360): Kafka's coordinator ignores them for a
 * non-transactional producer, whose client bumps the epoch itself and asks for a new id
 * only when the epoch would overflow. Sending one of producerId/producerEpoch without the
 * other is INVALID_REQUEST.
 *
 * Transactional ids: the playground has no transaction coordinator yet. After Kafka's own
 * checks (an empty id is INVALID_REQUEST, a timeout outside (0, transaction.max.timeout.ms]
 * is INVALID_TRANSACTION_TIMEOUT), the answer is UNSUPPORTED_VERSION — what Kafka answers
 * for a feature the broker has switched off (e.g. ConsumerGroupHeartbeat when the new group
 * protocol is disabled). Clients treat it as fatal with "not supported" in the message,
 * instead of retrying forever as they would on COORDINATOR_NOT_AVAILABLE or NOT_COORDINATOR.
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { InitProducerIdRequest } from "../../protocol/generated/messages/init-producer-id-request.ts";
import {
  defaultInitProducerIdResponse,
  type InitProducerIdResponse,
} from "../../protocol/generated/messages/init-producer-id-response.ts";
import { NO_PRODUCER_EPOCH, NO_PRODUCER_ID } from "../../protocol/records/batch-layout.ts";
import type { BrokerServices } from "../broker-services.ts";
import { defineHandler } from "../../server/handler.ts";

/** Kafka's default transaction.max.timeout.ms (15 minutes). */
export const TRANSACTION_MAX_TIMEOUT_MS = 900_000;

export const initProducerIdHandler = defineHandler<
  InitProducerIdRequest,
  InitProducerIdResponse,
  BrokerServices
>({
  apiKey: ApiKey.InitProducerId,
  minVersion: 0,
  maxVersion: 5,
  async handle(request, { services }) {
    const hasId = request.producerId !== NO_PRODUCER_ID;
    const hasEpoch = request.producerEpoch !== NO_PRODUCER_EPOCH;
    if (hasId !== hasEpoch) return failure(ErrorCode.INVALID_REQUEST);
    const transactionalId = request.transactionalId;
    if (transactionalId === null) {
      const allocated = await services.producerIds.allocate();
      if ("errorCode" in allocated) return failure(allocated.errorCode);
      return {
        ...defaultInitProducerIdResponse(),
        producerId: allocated.producerId,
        producerEpoch: 0,
      };
    }
    if (transactionalId === "") return failure(ErrorCode.INVALID_REQUEST);
    if (
      request.transactionTimeoutMs <= 0 ||
      request.transactionTimeoutMs > TRANSACTION_MAX_TIMEOUT_MS
    ) {
      return failure(ErrorCode.INVALID_TRANSACTION_TIMEOUT);
    }
    return failure(ErrorCode.UNSUPPORTED_VERSION);
  },
});

function failure(errorCode: number): InitProducerIdResponse {
  return {
    ...defaultInitProducerIdResponse(),
    errorCode,
    producerId: NO_PRODUCER_ID,
    producerEpoch: NO_PRODUCER_EPOCH,
  };
}
