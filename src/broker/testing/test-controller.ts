/**
 * Test support: a test double of the active controller, as broker-side handler tests need
 * it. It records every request a broker sends and answers through a function the test
 * chooses; by default it hands out producer id blocks (AllocateProducerIds) and is
 * unreachable for everything else, as when no controller is known.
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { AllocateProducerIdsResponse } from "../../protocol/generated/messages/allocate-producer-ids-response.ts";
import type { ControllerChannel } from "../controller-channel.ts";

export interface ControllerCall {
  apiKey: number;
  apiVersion: number;
  body: unknown;
  timeoutMs: number;
}

/** How the test controller answers one call: a response, or a throw for "not reachable". */
export type ControllerAnswer = (call: ControllerCall) => unknown;

/** Kafka's ProducerIdManager block size. */
export const PRODUCER_ID_BLOCK_SIZE = 1000;

export class TestController implements ControllerChannel {
  readonly calls: ControllerCall[] = [];
  /** Replace it to make the controller answer differently (or not at all). */
  answer: ControllerAnswer;
  private nextBlockStart: bigint;

  constructor(answer?: ControllerAnswer, firstProducerId = 0n) {
    this.answer = answer ?? ((call) => this.allocateOrUnreachable(call));
    this.nextBlockStart = firstProducerId;
  }

  async request<Response>(
    apiKey: number,
    apiVersion: number,
    body: unknown,
    timeoutMs: number,
  ): Promise<Response> {
    const call = { apiKey, apiVersion, body, timeoutMs };
    this.calls.push(call);
    // Answered on a later turn, as a network round trip would be.
    await Promise.resolve();
    return this.answer(call) as Response;
  }

  callsFor(apiKey: number): ControllerCall[] {
    return this.calls.filter((call) => call.apiKey === apiKey);
  }

  /** The controller's AllocateProducerIds: consecutive blocks, never the same id twice. */
  allocateProducerIds(): AllocateProducerIdsResponse {
    const producerIdStart = this.nextBlockStart;
    this.nextBlockStart += BigInt(PRODUCER_ID_BLOCK_SIZE);
    return {
      throttleTimeMs: 0,
      errorCode: ErrorCode.NONE,
      producerIdStart,
      producerIdLen: PRODUCER_ID_BLOCK_SIZE,
    };
  }

  private allocateOrUnreachable(call: ControllerCall): unknown {
    if (call.apiKey === ApiKey.AllocateProducerIds) return this.allocateProducerIds();
    throw new Error(`no controller is reachable for API key ${call.apiKey}`);
  }
}

/** An answer for when no controller can be reached at all. */
export const UNREACHABLE: ControllerAnswer = (call) => {
  throw new Error(`no controller is reachable for API key ${call.apiKey}`);
};
