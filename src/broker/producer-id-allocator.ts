/**
 * Producer ids for InitProducerId: the broker takes blocks of 1000 from the controller
 * (AllocateProducerIds, written down as a ProducerIdsRecord so no id is ever given twice,
 * even across controller failover) and hands them out one by one.
 */
import { ApiKey } from "../protocol/generated/api-table.ts";
import { ErrorCode } from "../protocol/generated/error-codes.ts";
import type { AllocateProducerIdsResponse } from "../protocol/generated/messages/allocate-producer-ids-response.ts";
import type { ControllerChannel } from "./controller-channel.ts";

export class ProducerIdAllocator {
  private next = 0n;
  private end = 0n;
  private pending: Promise<void> | null = null;

  constructor(
    private readonly controller: ControllerChannel,
    private readonly brokerId: number,
    private readonly brokerEpoch: () => bigint,
    private readonly timeoutMs: number,
  ) {}

  /** The next unused producer id, or an error code (e.g. COORDINATOR_LOAD_IN_PROGRESS while no block can be had). */
  async allocate(): Promise<{ producerId: bigint } | { errorCode: number }> {
    if (this.next >= this.end) {
      this.pending ??= this.fetchBlock().finally(() => (this.pending = null));
      try {
        await this.pending;
      } catch {
        return { errorCode: ErrorCode.COORDINATOR_LOAD_IN_PROGRESS };
      }
      if (this.next >= this.end) return { errorCode: ErrorCode.COORDINATOR_LOAD_IN_PROGRESS };
    }
    return { producerId: this.next++ };
  }

  private async fetchBlock(): Promise<void> {
    const response = await this.controller.request<AllocateProducerIdsResponse>(
      ApiKey.AllocateProducerIds,
      0,
      { brokerId: this.brokerId, brokerEpoch: this.brokerEpoch() },
      this.timeoutMs,
    );
    if (response.errorCode !== ErrorCode.NONE)
      throw new Error(`AllocateProducerIds failed with ${response.errorCode}`);
    this.next = response.producerIdStart;
    this.end = response.producerIdStart + BigInt(response.producerIdLen);
  }
}
