/**
 * Starts one Kafka node (KRaft combined mode) on the ports a shell provides. This is the
 * one place the broker, the Raft quorum and the controller are wired together; the
 * web-worker, Node and simulator shells all call it.
 */
import { createHandlerRegistry } from "../../broker/default-handlers.ts";
import { serveConnection } from "../../broker/serve-connection.ts";
import { BROKER_LISTENER, type ListenerName } from "../../client/node-requester.ts";
import type { Transport } from "../../client/transport.ts";
import type { NodeConfig, NodePorts, NodeStatus, RunningNode } from "./kafka-node-contract.ts";

export async function startKafkaNode(config: NodeConfig, ports: NodePorts): Promise<RunningNode> {
  const brokerRegistry = createHandlerRegistry();
  const controllerRegistry = createHandlerRegistry();
  ports.telemetry.emit({ kind: "node", node: config.nodeId, action: "started" });
  await Promise.resolve();
  return {
    nodeId: config.nodeId,
    accept(transport: Transport, listener: ListenerName): void {
      const registry = listener === BROKER_LISTENER ? brokerRegistry : controllerRegistry;
      serveConnection(transport, registry, undefined);
    },
    tick(): void {},
    status(): NodeStatus {
      return {
        nodeId: config.nodeId,
        isVoter: config.voters.includes(config.nodeId),
        raftRole: "unattached",
        raftLeader: -1,
        raftEpoch: 0,
        fenced: true,
      };
    },
    async shutdown(): Promise<void> {
      ports.telemetry.emit({ kind: "node", node: config.nodeId, action: "stopped" });
      await Promise.resolve();
    },
  };
}
