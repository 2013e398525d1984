/**
 * The authorized-operations bit fields of Metadata and DescribeCluster. The playground has
 * no authorizer, and Kafka without one allows every operation a resource supports; a
 * client that did not ask gets Kafka's "omitted" value, Integer.MIN_VALUE.
 */

/** Kafka's AclOperation codes. */
export const AclOperation = {
  READ: 3,
  WRITE: 4,
  CREATE: 5,
  DELETE: 6,
  ALTER: 7,
  DESCRIBE: 8,
  CLUSTER_ACTION: 9,
  DESCRIBE_CONFIGS: 10,
  ALTER_CONFIGS: 11,
  IDEMPOTENT_WRITE: 12,
} as const;

export const AUTHORIZED_OPERATIONS_OMITTED = -2147483648;

const {
  READ,
  WRITE,
  CREATE,
  DELETE,
  ALTER,
  DESCRIBE,
  CLUSTER_ACTION,
  DESCRIBE_CONFIGS,
  ALTER_CONFIGS,
  IDEMPOTENT_WRITE,
} = AclOperation;

/** Kafka's AclEntry.supportedOperations. */
const SUPPORTED_OPERATIONS = {
  cluster: [
    CREATE,
    CLUSTER_ACTION,
    DESCRIBE_CONFIGS,
    ALTER_CONFIGS,
    IDEMPOTENT_WRITE,
    ALTER,
    DESCRIBE,
  ],
  topic: [READ, WRITE, CREATE, DESCRIBE, DELETE, ALTER, DESCRIBE_CONFIGS, ALTER_CONFIGS],
} as const;

/** The field's value: every supported operation when asked for, else the omitted marker. */
export function authorizedOperations(
  resource: keyof typeof SUPPORTED_OPERATIONS,
  requested: boolean,
): number {
  if (!requested) return AUTHORIZED_OPERATIONS_OMITTED;
  return SUPPORTED_OPERATIONS[resource].reduce((bits, operation) => bits | (1 << operation), 0);
}
