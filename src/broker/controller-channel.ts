/**
 * How a broker reaches the active controller (AlterPartition, BrokerRegistration,
 * BrokerHeartbeat, forwarded admin requests). The node finds the current Raft leader and
 * sends to its CONTROLLER listener; a request fails when no controller is known.
 */
export interface ControllerChannel {
  request<Response>(
    apiKey: number,
    apiVersion: number,
    body: unknown,
    timeoutMs: number,
  ): Promise<Response>;
}
