/**
 * Properties every node of a new cluster of `nodes` starts with, whatever the shell:
 * offsets.topic.replication.factor lowered to the cluster's size when it is under Kafka's
 * default of 3 (Kafka's own single-node configs do the same), or no consumer group could
 * ever get a coordinator. The user's properties win.
 */
export function clusterDefaults(
  nodes: number,
  properties: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const defaults: Record<string, string> =
    nodes < 3 ? { "offsets.topic.replication.factor": String(nodes) } : {};
  return { ...defaults, ...properties };
}
