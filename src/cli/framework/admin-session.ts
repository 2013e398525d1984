/**
 * The Admin client a command-line tool works through, made as Kafka's tools make theirs
 * from --bootstrap-server: client id "adminclient-1", Kafka's Admin defaults unless the tool
 * says otherwise (kafka-consumer-groups passes its --timeout). The tool also gets the
 * client's cluster view (topic ids and the internal flag, which the KafkaJS-shaped Admin
 * does not return) and an AdminContext for the admin calls the Admin object does not
 * expose (offsets for a timestamp per partition, OffsetDelete).
 *
 * Shared by kafka-topics, kafka-configs and kafka-consumer-groups.
 */
import { createAdmin, type Admin } from "../../client/admin/admin.ts";
import { adminSettings, type AdminOptions } from "../../client/admin/admin-options.ts";
import type { AdminContext } from "../../client/admin/admin-retry.ts";
import { ClientCluster, ConfigError } from "../../client/cluster/client-cluster.ts";
import type { ClientIo } from "../../client/client-io.ts";
import { bootstrapList } from "./bootstrap-servers.ts";
import { JavaException } from "./java-exception.ts";

export const ADMIN_CLIENT_ID = "adminclient-1";

export interface AdminSession {
  admin: Admin;
  cluster: ClientCluster;
  context: AdminContext;
  close(): void;
}

export function openAdminSession(
  bootstrapServers: string,
  io: ClientIo,
  options: AdminOptions = {},
): AdminSession {
  let cluster: ClientCluster;
  try {
    cluster = new ClientCluster({
      clientId: ADMIN_CLIENT_ID,
      brokers: bootstrapList(bootstrapServers),
      io,
    });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // KafkaAdminClient.createInternal wraps the ConfigException ("Invalid url in bootstrap.servers").
    throw new JavaException("KafkaException", "Failed to create new KafkaAdminClient");
  }
  let admin: Admin;
  try {
    admin = createAdmin(cluster, options);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // A setting out of range (kafka-consumer-groups' --timeout): AdminClientConfig's check.
    throw new JavaException("ConfigException", error.message);
  }
  return {
    admin,
    cluster,
    context: { cluster, settings: adminSettings(options) },
    close: () => cluster.close(),
  };
}
