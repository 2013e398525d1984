/**
 * The exception Kafka's Admin client raises for a broker's error code: its class, with the
 * broker's message, or the error's own default message when the broker sent none
 * (Errors.exception(null)), e.g. "org.apache.kafka.common.errors.TopicExistsException:
 * Topic 'orders' already exists.".
 */
import { KafkaProtocolError } from "../../client/kafka-error.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { exceptionNameOfCode, JavaException } from "./java-exception.ts";

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
  [
    ErrorCode.PREFERRED_LEADER_NOT_AVAILABLE,
    ["PreferredLeaderNotAvailableException", "The preferred leader was not available."],
  ],
  [
    ErrorCode.ELIGIBLE_LEADERS_NOT_AVAILABLE,
    ["EligibleLeadersNotAvailableException", "Eligible topic partition leaders are not available."],
  ],
  [
    ErrorCode.ELECTION_NOT_NEEDED,
    ["ElectionNotNeededException", "Leader election not needed for topic partition."],
  ],
]);

/** The exception Kafka's client raises for `errorCode`, with `message` or the default one. */
export function kafkaException(errorCode: number, message?: string | null): JavaException {
  const known = KAFKA_EXCEPTIONS.get(errorCode);
  const simpleName = known?.[0] ?? exceptionNameOfCode(new KafkaProtocolError(errorCode).type);
  const text = message !== undefined && message !== null && message !== "" ? message : known?.[1];
  return new JavaException(simpleName, text ?? simpleName);
}
