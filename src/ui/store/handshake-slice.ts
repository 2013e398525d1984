/** The first exchange with the broker worker: an ApiVersions request and its response. */

export interface FrameFacts {
  apiKey: number;
  apiVersion: number;
  correlationId: number;
  bytes: Uint8Array;
}

export interface SupportedApi {
  apiKey: number;
  name: string;
  minVersion: number;
  maxVersion: number;
}

export interface HandshakeResult {
  request: FrameFacts;
  response: FrameFacts;
  errorCode: number;
  apis: SupportedApi[];
  roundTripMs: number;
}

/** The last result stays on screen while the next exchange runs, so nothing jumps. */
export interface HandshakeState {
  status: "pending" | "ok" | "error";
  errorMessage: string | null;
  result: HandshakeResult | null;
}

export interface HandshakeSlice {
  brokerState: "starting" | "alive" | "dead";
  handshake: HandshakeState;
}
