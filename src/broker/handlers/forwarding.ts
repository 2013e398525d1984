/**
 * Admin requests a KRaft broker does not decide itself (CreateTopics, DeleteTopics,
 * CreatePartitions, AlterConfigs, IncrementalAlterConfigs, ElectLeaders) go unchanged, at
 * the client's own version, to the active controller, and its answer goes back as it is
 * (Kafka's ForwardingManager). When the controller cannot be reached in time, Kafka builds
 * the answer from the request with a TimeoutException: REQUEST_TIMED_OUT on every topic
 * or resource, a retriable error, so clients try again once a controller is elected.
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { BrokerServices } from "../broker-services.ts";
import { defineHandler, type Handler } from "../../server/handler.ts";

export interface ForwardedApi<Request, Response> {
  apiKey: number;
  minVersion: number;
  maxVersion: number;
  /** The request's own timeoutMs, or null for APIs that have none. */
  timeoutMs(request: Request): number | null;
  /** Kafka's error answer for this request: one entry per topic or resource it names. */
  errorResponse(
    request: Request,
    apiVersion: number,
    errorCode: number,
    errorMessage: string,
  ): Response;
}

export function defineForwardedHandler<Request, Response>(
  api: ForwardedApi<Request, Response>,
): Handler<Request, Response, BrokerServices> {
  return defineHandler<Request, Response, BrokerServices>({
    apiKey: api.apiKey,
    minVersion: api.minVersion,
    maxVersion: api.maxVersion,
    async handle(request, { services, meta }) {
      const timeoutMs = forwardingTimeoutMs(services, api.timeoutMs(request));
      try {
        return await services.controller.request<Response>(
          meta.apiKey,
          meta.apiVersion,
          request,
          timeoutMs,
        );
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const message = `the active controller could not be reached within ${timeoutMs} ms: ${reason}`;
        return api.errorResponse(request, meta.apiVersion, ErrorCode.REQUEST_TIMED_OUT, message);
      }
    },
  });
}

/**
 * How long the broker waits for the controller: the request's timeoutMs when it has a
 * positive one, else the broker's request.timeout.ms (a timeoutMs of 0, "do not wait for
 * the operation", still needs the round trip to the controller).
 */
export function forwardingTimeoutMs(
  services: BrokerServices,
  requestTimeoutMs: number | null,
): number {
  if (requestTimeoutMs !== null && requestTimeoutMs > 0) return requestTimeoutMs;
  return services.config.number("request.timeout.ms");
}
