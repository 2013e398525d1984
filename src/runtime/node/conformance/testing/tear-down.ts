/**
 * Ends a test's cluster quickly: SIGKILL every running node, then `stop()` (which then has
 * nothing left to signal) removes the data dir. A graceful stop of a whole combined-mode
 * cluster at once makes the last node wait for a controlled shutdown its lost quorum can
 * no longer grant (10 s here, up to 5 minutes in Kafka); nothing is checked after the
 * tests, so the wait would buy nothing.
 */
import type { ProcessCluster } from "../../testing/process-cluster.ts";

export async function tearDown(cluster: ProcessCluster | null): Promise<void> {
  if (cluster === null) return;
  try {
    await Promise.all(
      cluster.brokers
        .filter(({ nodeId }) => cluster.isRunning(nodeId))
        .map(({ nodeId }) => cluster.kill(nodeId)),
    );
  } finally {
    await cluster.stop();
  }
}
