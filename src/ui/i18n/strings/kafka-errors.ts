/**
 * Kafka's errors in one plain line each, keyed by the name a learner sees beside it: the
 * broker's error-code names (src/protocol/generated/error-codes.ts) and the exception
 * names the playground's clients raise (Kafka's Java names where the client uses them,
 * the client's own class names otherwise). `explainError` (ui/dialogs/explain-error.ts)
 * looks them up; a name not here falls back to the error's own message.
 */
export const kafkaErrorsEn = {
  // Topics and their configs.
  "kafkaError.INVALID_TOPIC_EXCEPTION":
    "That is not a legal topic name: use letters, digits, '.', '_' and '-', at most 249 characters.",
  "kafkaError.TOPIC_ALREADY_EXISTS": "A topic with this name already exists.",
  "kafkaError.INVALID_REPLICATION_FACTOR":
    "Each replica needs its own broker: the replication factor cannot exceed the brokers that are alive.",
  "kafkaError.INVALID_PARTITIONS":
    "That partition count is not allowed (at least 1, and a topic can only grow).",
  "kafkaError.INVALID_REPLICA_ASSIGNMENT":
    "The replica placement asked for names brokers that cannot hold them.",
  "kafkaError.POLICY_VIOLATION": "The cluster's topic policy refuses these settings.",
  "kafkaError.INVALID_CONFIG": "A config name is unknown or its value is not valid for it.",
  "kafkaError.UNKNOWN_TOPIC_OR_PARTITION":
    "No such topic or partition (yet): it may have been deleted or not created.",
  "kafkaError.TOPIC_DELETION_DISABLED":
    "The brokers are set with delete.topic.enable=false: topics cannot be deleted.",
  // Writing and replication.
  "kafkaError.NOT_ENOUGH_REPLICAS":
    "Too few replicas are in sync (fewer than min.insync.replicas), so an acks=all write is refused.",
  "kafkaError.NOT_ENOUGH_REPLICAS_AFTER_APPEND":
    "The leader wrote the records, but the ISR shrank below min.insync.replicas before they were replicated.",
  "kafkaError.REQUEST_TIMED_OUT":
    "The broker did not finish the request in time (replicas too slow, or a link is cut).",
  "kafkaError.MESSAGE_TOO_LARGE": "The record is larger than the topic's max.message.bytes allows.",
  "kafkaError.RECORD_LIST_TOO_LARGE": "The batch is larger than the broker accepts in one request.",
  "kafkaError.CORRUPT_MESSAGE": "A record failed its CRC check: its bytes were damaged on the way.",
  "kafkaError.OUT_OF_ORDER_SEQUENCE_NUMBER":
    "The idempotent producer's sequence numbers have a gap: the broker refuses to skip records.",
  "kafkaError.DUPLICATE_SEQUENCE_NUMBER":
    "The broker already has this batch: idempotence dropped the duplicate.",
  "kafkaError.UNKNOWN_PRODUCER_ID":
    "The broker no longer knows this producer id (its records were deleted by retention).",
  "kafkaError.INVALID_PRODUCER_EPOCH":
    "A newer instance of this producer took over; this one is fenced.",
  "kafkaError.PRODUCER_FENCED": "A newer instance of this producer took over; this one is fenced.",
  "kafkaError.KAFKA_STORAGE_ERROR": "The broker could not read or write its log on disk.",
  "kafkaError.OFFSET_OUT_OF_RANGE":
    "That offset is not in the log: older records were deleted, or it is past the end.",
  // Leaders, brokers, the controller.
  "kafkaError.NOT_CONTROLLER":
    "That node is not the active controller; the client retries on the one that is.",
  "kafkaError.LEADER_NOT_AVAILABLE":
    "The partition has no leader right now (an election is in progress).",
  "kafkaError.NOT_LEADER_OR_FOLLOWER":
    "That broker no longer leads this partition; the client refreshes metadata and retries.",
  "kafkaError.FENCED_LEADER_EPOCH":
    "The client knew an older leader epoch; it refreshes metadata and retries.",
  "kafkaError.UNKNOWN_LEADER_EPOCH":
    "The client knows a newer leader epoch than this broker does yet.",
  "kafkaError.BROKER_NOT_AVAILABLE": "That broker is not running.",
  "kafkaError.NETWORK_EXCEPTION": "The connection to the broker broke before it answered.",
  "kafkaError.INVALID_REQUEST": "The broker refused the request as malformed or not allowed.",
  "kafkaError.UNSUPPORTED_VERSION": "The broker does not speak this version of the request.",
  "kafkaError.UNKNOWN_SERVER_ERROR":
    "The broker failed in an unexpected way while handling the request.",
  "kafkaError.THROTTLING_QUOTA_EXCEEDED":
    "Too many topic changes at once: the controller asks to slow down.",
  // Consumer groups.
  "kafkaError.UNKNOWN_MEMBER_ID":
    "The group's coordinator no longer knows this member (its session timed out); it rejoins.",
  "kafkaError.REBALANCE_IN_PROGRESS":
    "The group is rebalancing: the member must rejoin before it can commit.",
  "kafkaError.ILLEGAL_GENERATION":
    "The member is from an older generation of the group; it rejoins.",
  "kafkaError.GROUP_ID_NOT_FOUND": "There is no consumer group with that id.",
  "kafkaError.NON_EMPTY_GROUP": "The group still has members: stop them before deleting the group.",
  "kafkaError.INVALID_GROUP_ID": "The consumer group id is empty or not valid.",
  "kafkaError.INVALID_SESSION_TIMEOUT":
    "session.timeout.ms is outside the broker's bounds (group.min.session.timeout.ms to group.max.session.timeout.ms).",
  "kafkaError.INCONSISTENT_GROUP_PROTOCOL":
    "This member shares no assignor (partition.assignment.strategy) with the group's members.",
  "kafkaError.FENCED_INSTANCE_ID":
    "Another consumer joined with the same group.instance.id; this one is fenced.",
  "kafkaError.COORDINATOR_NOT_AVAILABLE":
    "The group's coordinator is not available yet (its broker is down or starting).",
  "kafkaError.NOT_COORDINATOR":
    "That broker is no longer the group's coordinator; the client finds the new one.",
  "kafkaError.COORDINATOR_LOAD_IN_PROGRESS":
    "The coordinator is still loading the group's offsets; the client retries.",
  "kafkaError.MEMBER_ID_REQUIRED":
    "A first join: the coordinator hands out a member id and the member joins again.",
  "kafkaError.GROUP_MAX_SIZE_REACHED":
    "The group already has as many members as group.max.size allows.",
  // Exceptions the clients raise themselves.
  "kafkaError.TimeoutException":
    "The client gave up waiting (a delivery or metadata timeout ran out).",
  "kafkaError.ConfigException":
    "A client setting is not valid; the client refused to start with it.",
  "kafkaError.ConfigError": "A client setting is not valid; the client refused to start with it.",
  "kafkaError.InvalidConfigurationException": "These client settings contradict each other.",
  "kafkaError.ConnectionError":
    "The client lost its connection to a broker (the broker stopped or the link is cut).",
  "kafkaError.RequestTimeoutError": "A broker did not answer within request.timeout.ms.",
  "kafkaError.UnsupportedVersionError":
    "The broker does not support a request version the client needs.",
  "kafkaError.BufferExhaustedException":
    "The producer's buffer (buffer.memory) is full: brokers are not keeping up.",
  "kafkaError.RecordTooLargeException":
    "The record is larger than max.request.size or the batch allows.",
  "kafkaError.SerializationException": "The record's key or value could not be turned into bytes.",
  "kafkaError.InvalidRecordException":
    "The record is not valid (for example a null key on a compacted topic).",
  "kafkaError.KafkaException": "The client stopped: it was closed while work was still in flight.",
  "kafkaError.IllegalArgumentException": "The client was called with an argument it cannot use.",
  "kafkaError.IllegalStateException":
    "The client was used in a state that does not allow this call.",
  "kafkaError.NoOffsetForPartitionError":
    "No committed offset and auto.offset.reset=none: the consumer does not know where to start.",
  "kafkaError.OffsetOutOfRangeError":
    "The consumer's position is no longer in the log (retention deleted it).",
  "kafkaError.MembershipClosedError": "The consumer left its group (it was closed).",
  "kafkaError.AdminArgumentError": "The admin client was called with an argument it cannot use.",
} as const;

export const kafkaErrorsKo: Record<keyof typeof kafkaErrorsEn, string> = {
  "kafkaError.INVALID_TOPIC_EXCEPTION":
    "토픽 이름으로 쓸 수 없습니다. 영문자, 숫자, '.', '_', '-'만 쓰고 249자 이하여야 합니다.",
  "kafkaError.TOPIC_ALREADY_EXISTS": "같은 이름의 토픽이 이미 있습니다.",
  "kafkaError.INVALID_REPLICATION_FACTOR":
    "레플리카마다 브로커가 하나씩 필요합니다. 복제 팩터는 살아 있는 브로커 수를 넘을 수 없습니다.",
  "kafkaError.INVALID_PARTITIONS":
    "그 파티션 수는 쓸 수 없습니다(1개 이상이어야 하고, 토픽의 파티션은 늘리기만 할 수 있습니다).",
  "kafkaError.INVALID_REPLICA_ASSIGNMENT":
    "요청한 레플리카 배치에 그 레플리카를 둘 수 없는 브로커가 있습니다.",
  "kafkaError.POLICY_VIOLATION": "클러스터의 토픽 정책이 이 설정을 허용하지 않습니다.",
  "kafkaError.INVALID_CONFIG": "알 수 없는 설정 이름이거나, 그 설정에 맞지 않는 값입니다.",
  "kafkaError.UNKNOWN_TOPIC_OR_PARTITION":
    "그런 토픽이나 파티션이 (아직) 없습니다. 삭제되었거나 만들어지지 않았습니다.",
  "kafkaError.TOPIC_DELETION_DISABLED":
    "브로커가 delete.topic.enable=false로 설정되어 토픽을 삭제할 수 없습니다.",
  "kafkaError.NOT_ENOUGH_REPLICAS":
    "ISR에 든 레플리카가 min.insync.replicas보다 적어서 acks=all 쓰기를 거절했습니다.",
  "kafkaError.NOT_ENOUGH_REPLICAS_AFTER_APPEND":
    "리더는 레코드를 썼지만, 복제되기 전에 ISR이 min.insync.replicas 아래로 줄었습니다.",
  "kafkaError.REQUEST_TIMED_OUT":
    "브로커가 제시간에 요청을 끝내지 못했습니다(레플리카가 느리거나 링크가 끊겼습니다).",
  "kafkaError.MESSAGE_TOO_LARGE": "레코드가 토픽의 max.message.bytes보다 큽니다.",
  "kafkaError.RECORD_LIST_TOO_LARGE": "배치가 브로커가 한 요청에 받는 크기보다 큽니다.",
  "kafkaError.CORRUPT_MESSAGE":
    "레코드의 CRC 검사가 실패했습니다. 전송 중에 바이트가 손상되었습니다.",
  "kafkaError.OUT_OF_ORDER_SEQUENCE_NUMBER":
    "멱등 프로듀서의 시퀀스 번호에 빈틈이 있어, 브로커가 레코드를 건너뛰지 않으려고 거절했습니다.",
  "kafkaError.DUPLICATE_SEQUENCE_NUMBER":
    "브로커에 이미 있는 배치입니다. 멱등성 덕분에 중복이 버려졌습니다.",
  "kafkaError.UNKNOWN_PRODUCER_ID":
    "브로커가 이 프로듀서 ID를 더는 모릅니다(보존 기간이 지나 레코드가 지워졌습니다).",
  "kafkaError.INVALID_PRODUCER_EPOCH":
    "이 프로듀서의 더 새로운 인스턴스가 자리를 넘겨받아, 이쪽은 펜싱되었습니다.",
  "kafkaError.PRODUCER_FENCED":
    "이 프로듀서의 더 새로운 인스턴스가 자리를 넘겨받아, 이쪽은 펜싱되었습니다.",
  "kafkaError.KAFKA_STORAGE_ERROR": "브로커가 디스크의 로그를 읽거나 쓰지 못했습니다.",
  "kafkaError.OFFSET_OUT_OF_RANGE":
    "그 오프셋은 로그에 없습니다. 오래된 레코드가 지워졌거나 끝을 지났습니다.",
  "kafkaError.NOT_CONTROLLER":
    "그 노드는 활성 컨트롤러가 아닙니다. 클라이언트가 진짜 컨트롤러에 다시 보냅니다.",
  "kafkaError.LEADER_NOT_AVAILABLE": "지금 이 파티션에는 리더가 없습니다(선출 중입니다).",
  "kafkaError.NOT_LEADER_OR_FOLLOWER":
    "그 브로커는 더 이상 이 파티션의 리더가 아닙니다. 클라이언트가 메타데이터를 새로 받아 다시 시도합니다.",
  "kafkaError.FENCED_LEADER_EPOCH":
    "클라이언트가 알던 리더 에포크가 오래되었습니다. 메타데이터를 새로 받아 다시 시도합니다.",
  "kafkaError.UNKNOWN_LEADER_EPOCH":
    "클라이언트가 이 브로커보다 더 새로운 리더 에포크를 알고 있습니다.",
  "kafkaError.BROKER_NOT_AVAILABLE": "그 브로커는 실행 중이 아닙니다.",
  "kafkaError.NETWORK_EXCEPTION": "브로커가 답하기 전에 연결이 끊겼습니다.",
  "kafkaError.INVALID_REQUEST":
    "브로커가 요청을 잘못되었거나 허용되지 않는 것으로 보고 거절했습니다.",
  "kafkaError.UNSUPPORTED_VERSION": "브로커가 이 버전의 요청을 지원하지 않습니다.",
  "kafkaError.UNKNOWN_SERVER_ERROR": "브로커가 요청을 처리하다 예상하지 못한 오류를 냈습니다.",
  "kafkaError.THROTTLING_QUOTA_EXCEEDED":
    "토픽 변경이 한꺼번에 너무 많아, 컨트롤러가 속도를 늦추라고 합니다.",
  "kafkaError.UNKNOWN_MEMBER_ID":
    "그룹 코디네이터가 이 멤버를 더는 모릅니다(세션이 만료되었습니다). 멤버가 다시 조인합니다.",
  "kafkaError.REBALANCE_IN_PROGRESS":
    "그룹이 리밸런스 중입니다. 멤버가 다시 조인해야 커밋할 수 있습니다.",
  "kafkaError.ILLEGAL_GENERATION": "멤버가 그룹의 이전 세대에 속해 있습니다. 다시 조인합니다.",
  "kafkaError.GROUP_ID_NOT_FOUND": "그 ID의 컨슈머 그룹이 없습니다.",
  "kafkaError.NON_EMPTY_GROUP":
    "그룹에 아직 멤버가 있습니다. 그룹을 지우려면 먼저 멤버를 멈추세요.",
  "kafkaError.INVALID_GROUP_ID": "컨슈머 그룹 ID가 비어 있거나 올바르지 않습니다.",
  "kafkaError.INVALID_SESSION_TIMEOUT":
    "session.timeout.ms가 브로커의 범위(group.min.session.timeout.ms ~ group.max.session.timeout.ms)를 벗어났습니다.",
  "kafkaError.INCONSISTENT_GROUP_PROTOCOL":
    "이 멤버의 어사이너(partition.assignment.strategy)가 그룹의 다른 멤버들과 하나도 겹치지 않습니다.",
  "kafkaError.FENCED_INSTANCE_ID":
    "같은 group.instance.id로 다른 컨슈머가 조인해서, 이쪽은 펜싱되었습니다.",
  "kafkaError.COORDINATOR_NOT_AVAILABLE":
    "그룹 코디네이터를 아직 쓸 수 없습니다(그 브로커가 꺼져 있거나 시작하는 중입니다).",
  "kafkaError.NOT_COORDINATOR":
    "그 브로커는 더 이상 그룹 코디네이터가 아닙니다. 클라이언트가 새 코디네이터를 찾습니다.",
  "kafkaError.COORDINATOR_LOAD_IN_PROGRESS":
    "코디네이터가 아직 그룹의 오프셋을 읽어 들이는 중입니다. 클라이언트가 다시 시도합니다.",
  "kafkaError.MEMBER_ID_REQUIRED":
    "첫 조인입니다. 코디네이터가 멤버 ID를 주면 멤버가 그 ID로 다시 조인합니다.",
  "kafkaError.GROUP_MAX_SIZE_REACHED": "그룹 멤버 수가 이미 group.max.size에 도달했습니다.",
  "kafkaError.TimeoutException":
    "클라이언트가 기다리다 포기했습니다(전송 또는 메타데이터 제한 시간이 지났습니다).",
  "kafkaError.ConfigException": "클라이언트 설정이 올바르지 않아 클라이언트가 시작을 거부했습니다.",
  "kafkaError.ConfigError": "클라이언트 설정이 올바르지 않아 클라이언트가 시작을 거부했습니다.",
  "kafkaError.InvalidConfigurationException": "클라이언트 설정끼리 서로 모순됩니다.",
  "kafkaError.ConnectionError":
    "클라이언트가 브로커와의 연결을 잃었습니다(브로커가 멈췄거나 링크가 끊겼습니다).",
  "kafkaError.RequestTimeoutError": "브로커가 request.timeout.ms 안에 답하지 않았습니다.",
  "kafkaError.UnsupportedVersionError":
    "클라이언트에 필요한 요청 버전을 브로커가 지원하지 않습니다.",
  "kafkaError.BufferExhaustedException":
    "프로듀서 버퍼(buffer.memory)가 가득 찼습니다. 브로커가 따라오지 못하고 있습니다.",
  "kafkaError.RecordTooLargeException": "레코드가 max.request.size나 배치 크기보다 큽니다.",
  "kafkaError.SerializationException": "레코드의 키나 값을 바이트로 바꾸지 못했습니다.",
  "kafkaError.InvalidRecordException": "올바르지 않은 레코드입니다(예: 컴팩션 토픽에 null 키).",
  "kafkaError.KafkaException": "클라이언트가 멈췄습니다. 처리 중인 작업이 남은 채로 닫혔습니다.",
  "kafkaError.IllegalArgumentException": "클라이언트에 쓸 수 없는 인자가 주어졌습니다.",
  "kafkaError.IllegalStateException": "지금 상태에서는 클라이언트가 이 호출을 할 수 없습니다.",
  "kafkaError.NoOffsetForPartitionError":
    "커밋된 오프셋이 없고 auto.offset.reset=none이라, 컨슈머가 어디서 시작할지 모릅니다.",
  "kafkaError.OffsetOutOfRangeError":
    "컨슈머의 위치가 더는 로그에 없습니다(보존 정책으로 지워졌습니다).",
  "kafkaError.MembershipClosedError": "컨슈머가 그룹을 떠났습니다(닫혔습니다).",
  "kafkaError.AdminArgumentError": "어드민 클라이언트에 쓸 수 없는 인자가 주어졌습니다.",
};
