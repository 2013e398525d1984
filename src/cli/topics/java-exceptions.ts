/**
 * Failures as Kafka's Java tools print them: an exception class and its message, the way
 * Throwable.toString() shows it ("org.apache.kafka.common.errors.TopicExistsException:
 * Topic 'orders' already exists."). A broker's error code becomes the exception Kafka's
 * Admin client raises for it, with the broker's message, or the error's own default
 * message when the broker sent none (Errors.exception(null)).
 *
 * Shared by kafka-topics, kafka-configs and kafka-consumer-groups.
 */
import { AdminArgumentError, AdminProtocolError } from "../../client/admin/admin-error.ts";
import { KafkaProtocolError } from "../../client/kafka-error.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";

export const ERRORS_PACKAGE = "org.apache.kafka.common.errors";

export class JavaException extends Error {
  constructor(
    /** The fully qualified class name, e.g. "java.lang.IllegalArgumentException". */
    readonly className: string,
    message: string,
  ) {
    super(message);
  }

  /** Throwable.toString(). */
  override toString(): string {
    return `${this.className}: ${this.message}`;
  }
}

/**
 * What a failed Admin call's future throws from get(): ExecutionException, whose message
 * is its cause's toString(). Tools unwrap it (kafka-topics prints the cause) or print it
 * whole (kafka-configs' stack trace), as Kafka's do.
 */
export class ExecutionException extends JavaException {
  constructor(override readonly cause: JavaException) {
    super("java.util.concurrent.ExecutionException", cause.toString());
  }
}

export function illegalArgument(message: string): JavaException {
  return new JavaException("java.lang.IllegalArgumentException", message);
}

/** Kafka's exception class (in org.apache.kafka.common.errors) and default message per error code. */
const KAFKA_EXCEPTIONS = new Map<number, [string, string]>([
  [
    ErrorCode.UNKNOWN_SERVER_ERROR,
    [
      "UnknownServerException",
      "The server experienced an unexpected error when processing the request.",
    ],
  ],
  [
    ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
    ["UnknownTopicOrPartitionException", "This server does not host this topic-partition."],
  ],
  [
    ErrorCode.LEADER_NOT_AVAILABLE,
    [
      "LeaderNotAvailableException",
      "There is no leader for this topic-partition as we are in the middle of a leadership election.",
    ],
  ],
  [ErrorCode.REQUEST_TIMED_OUT, ["TimeoutException", "The request timed out."]],
  [ErrorCode.BROKER_NOT_AVAILABLE, ["BrokerNotAvailableException", "The broker is not available."]],
  [
    ErrorCode.COORDINATOR_NOT_AVAILABLE,
    ["CoordinatorNotAvailableException", "The coordinator is not available."],
  ],
  [ErrorCode.NOT_COORDINATOR, ["NotCoordinatorException", "This is not the correct coordinator."]],
  [
    ErrorCode.INVALID_TOPIC_EXCEPTION,
    ["InvalidTopicException", "The request attempted to perform an operation on an invalid topic."],
  ],
  [
    ErrorCode.NOT_ENOUGH_REPLICAS,
    [
      "NotEnoughReplicasException",
      "Messages are rejected since there are fewer in-sync replicas than required.",
    ],
  ],
  [
    ErrorCode.ILLEGAL_GENERATION,
    ["IllegalGenerationException", "Specified group generation id is not valid."],
  ],
  [ErrorCode.INVALID_GROUP_ID, ["InvalidGroupIdException", "The configured groupId is invalid."]],
  [
    ErrorCode.UNKNOWN_MEMBER_ID,
    ["UnknownMemberIdException", "The coordinator is not aware of this member."],
  ],
  [
    ErrorCode.REBALANCE_IN_PROGRESS,
    ["RebalanceInProgressException", "The group is rebalancing, so a rejoin is needed."],
  ],
  [
    ErrorCode.TOPIC_AUTHORIZATION_FAILED,
    ["TopicAuthorizationException", "Topic authorization failed."],
  ],
  [
    ErrorCode.GROUP_AUTHORIZATION_FAILED,
    ["GroupAuthorizationException", "Group authorization failed."],
  ],
  [
    ErrorCode.CLUSTER_AUTHORIZATION_FAILED,
    ["ClusterAuthorizationException", "Cluster authorization failed."],
  ],
  [
    ErrorCode.UNSUPPORTED_VERSION,
    ["UnsupportedVersionException", "The version of API is not supported."],
  ],
  [
    ErrorCode.TOPIC_ALREADY_EXISTS,
    ["TopicExistsException", "Topic with this name already exists."],
  ],
  [
    ErrorCode.INVALID_PARTITIONS,
    ["InvalidPartitionsException", "Number of partitions is below 1."],
  ],
  [
    ErrorCode.INVALID_REPLICATION_FACTOR,
    [
      "InvalidReplicationFactorException",
      "Replication factor is below 1 or larger than the number of available brokers.",
    ],
  ],
  [
    ErrorCode.INVALID_REPLICA_ASSIGNMENT,
    ["InvalidReplicaAssignmentException", "Replica assignment is invalid."],
  ],
  [ErrorCode.INVALID_CONFIG, ["InvalidConfigurationException", "Configuration is invalid."]],
  [
    ErrorCode.NOT_CONTROLLER,
    ["NotControllerException", "This is not the correct controller for this cluster."],
  ],
  [
    ErrorCode.INVALID_REQUEST,
    [
      "InvalidRequestException",
      "This most likely occurs because of a request being malformed by the client library or the message was sent to an incompatible broker. See the broker logs for more details.",
    ],
  ],
  [
    ErrorCode.POLICY_VIOLATION,
    ["PolicyViolationException", "Request parameters do not satisfy the configured policy."],
  ],
  [
    ErrorCode.TOPIC_DELETION_DISABLED,
    ["TopicDeletionDisabledException", "Topic deletion is disabled."],
  ],
  [ErrorCode.NON_EMPTY_GROUP, ["GroupNotEmptyException", "The group is not empty."]],
  [ErrorCode.GROUP_ID_NOT_FOUND, ["GroupIdNotFoundException", "The group id does not exist."]],
  [
    ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC,
    ["GroupSubscribedToTopicException", "The consumer group is actively subscribed to the topic"],
  ],
  [
    ErrorCode.THROTTLING_QUOTA_EXCEEDED,
    ["ThrottlingQuotaExceededException", "The throttling quota has been exceeded."],
  ],
]);

/** NOT_LEADER_OR_FOLLOWER → NotLeaderOrFollowerException, for codes the table lacks. */
function classNameFromType(type: string): string {
  const pascal = type
    .toLowerCase()
    .split("_")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
  return `${pascal}Exception`;
}

/** The exception Kafka's client raises for `errorCode`, with `message` or the default one. */
export function kafkaException(errorCode: number, message?: string | null): JavaException {
  const known = KAFKA_EXCEPTIONS.get(errorCode);
  const className = known?.[0] ?? classNameFromType(new KafkaProtocolError(errorCode).type);
  const text = message !== undefined && message !== null && message !== "" ? message : known?.[1];
  return new JavaException(`${ERRORS_PACKAGE}.${className}`, text ?? className);
}

/**
 * The broker's own message in an admin error, without what the admin client put before it
 * (the error's name and the topic, group or resource it is about); null when it sent none.
 */
function brokerMessage(error: KafkaProtocolError): string | null {
  const prefix =
    error instanceof AdminProtocolError
      ? new AdminProtocolError(error.errorCode, error.subject).message
      : new KafkaProtocolError(error.errorCode).message;
  return error.message.startsWith(`${prefix}: `) ? error.message.slice(prefix.length + 2) : null;
}

/**
 * What a failed admin call is as a Java exception. A broker that could not be reached
 * within the call's timeout is Kafka's TimeoutException for that call; anything that is
 * not a failure of the call (a bug) is thrown on.
 */
export function javaExceptionOf(error: unknown, callName: string): JavaException {
  if (error instanceof JavaException) return error;
  if (error instanceof KafkaProtocolError)
    return kafkaException(error.errorCode, brokerMessage(error));
  if (error instanceof AdminArgumentError) return illegalArgument(error.message);
  if (error instanceof Error) {
    if (error.name === "ConnectionError" || error.name === "RequestTimeoutError") {
      return new JavaException(
        `${ERRORS_PACKAGE}.TimeoutException`,
        `Timed out waiting for a node assignment. Call: ${callName}`,
      );
    }
    if (error.name === "UnsupportedVersionError") {
      return new JavaException(`${ERRORS_PACKAGE}.UnsupportedVersionException`, error.message);
    }
  }
  throw error;
}

/**
 * Runs one admin call; its failure is thrown as the ExecutionException Kafka's tool gets
 * from the call's future (an argument the Admin refuses is thrown as it is, since Kafka's
 * Admin throws those before it returns a future).
 */
export async function adminCall<T>(callName: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const exception = javaExceptionOf(error, callName);
    throw error instanceof AdminArgumentError ? exception : new ExecutionException(exception);
  }
}

/** The exception a tool shows for `error`: an ExecutionException's cause, else itself. */
export function unwrapped(error: JavaException): JavaException {
  return error instanceof ExecutionException ? error.cause : error;
}
