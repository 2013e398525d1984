/**
 * The broker's ControllerChannel: requests go to the CONTROLLER listener of whichever
 * voter the Raft quorum currently knows as leader (the active controller, in combined
 * mode). With no known leader the request fails at once and the caller retries later.
 */
import type { ControllerChannel } from "../../broker/controller-channel.ts";
import { CONTROLLER_LISTENER, type NodeRequester } from "../../client/node-requester.ts";
import { ConnectionError } from "../../client/connection.ts";

export class ControllerLink implements ControllerChannel {
  constructor(
    private readonly requester: NodeRequester,
    private readonly activeControllerId: () => number,
  ) {}

  request<Response>(
    apiKey: number,
    apiVersion: number,
    body: unknown,
    timeoutMs: number,
  ): Promise<Response> {
    const controllerId = this.activeControllerId();
    if (controllerId < 0)
      return Promise.reject(new ConnectionError("no active controller is known yet"));
    return this.requester.request<Response>(
      controllerId,
      CONTROLLER_LISTENER,
      apiKey,
      apiVersion,
      body,
      { timeoutMs },
    );
  }
}
