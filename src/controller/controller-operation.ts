/**
 * One request (or timer task) as the controller runs it: `decide` from the working state,
 * or `fail` with an error for every part of the request when the controller cannot take it
 * (NOT_CONTROLLER when it is not active or loses leadership before the records commit).
 */
import type { ApiError } from "./api-error.ts";
import type { ControllerState } from "./controller-state.ts";
import type { Decision } from "./decision.ts";

export interface ControllerOperation<Response> {
  decide(state: ControllerState): Decision<Response>;
  fail(error: ApiError): Response;
}

/** What the handlers need from the controller. */
export interface ControllerOperations {
  readonly nodeId: number;
  submit<Response>(operation: ControllerOperation<Response>): Promise<Response>;
}
