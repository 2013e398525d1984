/** The producer and consumer dialogs: Kafka's config names kept, their meaning in plain words. */
export const dialogsClientsEn = {
  "producerDialog.title": "Add a producer",
  "producerDialog.editTitle": "Producer {id}",
  "producerDialog.description":
    "Writes records to “{topic}” at a steady rate, with a real Kafka producer.",
  "producerDialog.rate": "Rate (records/s)",
  "producerDialog.rateHint": "0 stands idle; up to {max} records/s.",
  "producerDialog.keyMode": "Keys",
  "producerDialog.keyNone": "None (null key)",
  "producerDialog.keyNoneHint": "The partitioner spreads records over the partitions.",
  "producerDialog.keyFixed": "One fixed key",
  "producerDialog.keyFixedHint": "Every record goes to the same partition, in order.",
  "producerDialog.keyRandom": "Random from a set",
  "producerDialog.keyRandomHint": "Each key always lands in its own partition.",
  "producerDialog.keySequence": "A new key each time",
  "producerDialog.keySequenceHint": "key-0, key-1, …: keys spread over all partitions.",
  "producerDialog.fixedKey": "Key",
  "producerDialog.fixedKeyEmpty":
    "An empty key is still a key (not null): every record goes to one partition.",
  "producerDialog.keySet": "Key set",
  "producerDialog.keySetHint": "Keys separated by commas.",
  "producerDialog.keySetEmpty": "Give at least one key, separated by commas.",
  "producerDialog.keySetTooLarge": "At most {max} keys, so each can keep its own colour.",
  "producerDialog.valueTemplate": "Value",
  "producerDialog.valueTemplateHint": "{n} becomes the record's number, {key} its key.",
  "producerDialog.nullValue": "Null values (tombstones)",
  "producerDialog.nullValueHint":
    "Every record's value is null. On a compacted topic a null value deletes its key.",
  "producerDialog.valueTooLong": "At most {max} characters.",
  "producerDialog.preview": "The first records (key → value):",
  "producerDialog.acks0":
    "Don't wait for the broker: fastest, and a record can be lost without a word.",
  "producerDialog.acks1":
    "The leader has written it: lost if the leader dies before a follower copies it.",
  "producerDialog.acksAll":
    "Every in-sync replica has it (at least min.insync.replicas): nothing acknowledged is lost.",
  "producerDialog.acksZero": "With acks=0 the producer never hears of a failed write.",
  "producerDialog.lingerHint":
    "How long to wait for more records to fill a batch (Kafka's default: 5).",
  "producerDialog.batchHint": "Most bytes per batch per partition (default 16384; 0: no batching).",
  "producerDialog.idempotenceHint": "The broker drops duplicates that retries would write.",
  "producerDialog.idempotenceNeedsAcksAll":
    "An idempotent producer needs acks=all: Kafka refuses to start it otherwise.",
  "producerDialog.fixAcksAll": "Set acks=all",
  "producerDialog.fixIdempotenceOff": "Turn idempotence off",
  "producerDialog.partitioner": "Partitioner",
  "producerDialog.partitionerDefaultName": "Default (by key)",
  "producerDialog.partitionerDefault":
    "A keyed record goes to murmur2(key) mod partitions; null keys stick to one partition per batch.",
  "producerDialog.partitionerRoundRobin":
    "Each record to the next partition in turn; keys are ignored.",
  "producerDialog.roundRobinIgnoresKeys":
    "RoundRobinPartitioner ignores keys: records of one key spread over partitions and lose their order.",
  "producerDialog.submit": "Add producer",
  "producerDialog.submitting": "Starting…",
  "producerDialog.added": "Producer added to “{topic}”.",
  "producerDialog.updated": "Producer {id} updated.",
  "consumerDialog.title": "Add a consumer",
  "consumerDialog.description":
    "Reads “{topic}” as a member of a consumer group, with a real Kafka consumer.",
  "consumerDialog.groupNewHint": "A new group: the consumer reads every partition alone.",
  "consumerDialog.groupJoinHint":
    "Joins a group of {count}: the group rebalances and the partitions are shared.",
  "consumerDialog.groupIdEmpty": "A consumer group needs an id.",
  "consumerDialog.assignorRange":
    "Consecutive partitions of each topic per member. Eager: all stop during a rebalance.",
  "consumerDialog.assignorRoundRobin":
    "Partitions dealt out one by one. Eager: all stop during a rebalance.",
  "consumerDialog.assignorSticky": "Balanced, and moves as few partitions as it can. Eager.",
  "consumerDialog.assignorCooperative":
    "Like sticky, but only partitions that move are revoked; the rest keep being read. Cooperative.",
  "consumerDialog.assignorMismatch":
    "The group's members use {protocol}: with no assignor in common the coordinator refuses this member.",
  "consumerDialog.processingDelay": "Processing time per record (ms)",
  "consumerDialog.processingDelayHint": "Raise it to make the consumer slow and watch lag grow.",
  "consumerDialog.sessionTimeoutHint":
    "No heartbeat for this long and the member is removed (a rebalance). The broker allows {min} to {max} ms.",
  "consumerDialog.sessionTimeoutBounds":
    "The broker only accepts {min} to {max} ms (group.min.session.timeout.ms, group.max.session.timeout.ms).",
  "consumerDialog.instanceIdHint":
    "Static membership: back within session.timeout.ms with the same id, it keeps its partitions without a rebalance.",
  "consumerDialog.instanceIdPlaceholder": "empty: a dynamic member",
  "consumerDialog.instanceIdIllegal":
    "Use letters, digits, '.', '_' and '-' (at most {max} characters), as in a topic name.",
  "consumerDialog.instanceIdInUse":
    "Another consumer of this group has this id: the coordinator fences the older one.",
  "consumerDialog.autoCommitOn": "Commits its offsets every 5 s (auto.commit.interval.ms).",
  "consumerDialog.autoCommitOff":
    "Never commits: after a restart the group starts again from the beginning or the end.",
  "consumerDialog.fromBeginning": "Read from the beginning",
  "consumerDialog.fromBeginningOn":
    "With no committed offset, start at the oldest record (auto.offset.reset=earliest).",
  "consumerDialog.fromBeginningOff":
    "With no committed offset, read only new records (auto.offset.reset=latest).",
  "consumerDialog.extraTopics": "Also subscribe to",
  "consumerDialog.extraTopicsHint":
    "The consumer subscribes to {topic} and these. Members with different subscriptions get different shares.",
  "consumerDialog.submit": "Add consumer",
  "consumerDialog.submitting": "Joining…",
  "consumerDialog.added": "Consumer joined “{group}” on “{topic}”.",
} as const;

export const dialogsClientsKo: Record<keyof typeof dialogsClientsEn, string> = {
  "producerDialog.title": "프로듀서 추가",
  "producerDialog.editTitle": "프로듀서 {id}",
  "producerDialog.description": "진짜 Kafka 프로듀서로 “{topic}”에 레코드를 일정한 속도로 씁니다.",
  "producerDialog.rate": "속도(레코드/초)",
  "producerDialog.rateHint": "0이면 쉬고, 최대 초당 {max}개.",
  "producerDialog.keyMode": "키",
  "producerDialog.keyNone": "없음(null 키)",
  "producerDialog.keyNoneHint": "파티셔너가 레코드를 여러 파티션에 나눕니다.",
  "producerDialog.keyFixed": "고정 키 하나",
  "producerDialog.keyFixedHint": "모든 레코드가 같은 파티션에 순서대로 들어갑니다.",
  "producerDialog.keyRandom": "집합에서 무작위",
  "producerDialog.keyRandomHint": "키마다 늘 자기 파티션으로 갑니다.",
  "producerDialog.keySequence": "매번 새 키",
  "producerDialog.keySequenceHint": "key-0, key-1, …: 키가 모든 파티션에 퍼집니다.",
  "producerDialog.fixedKey": "키",
  "producerDialog.fixedKeyEmpty":
    "빈 키도 (null이 아닌) 키입니다. 모든 레코드가 한 파티션으로 갑니다.",
  "producerDialog.keySet": "키 집합",
  "producerDialog.keySetHint": "쉼표로 구분한 키.",
  "producerDialog.keySetEmpty": "키를 하나 이상 쉼표로 구분해 입력하세요.",
  "producerDialog.keySetTooLarge": "키마다 색을 따로 주려고 최대 {max}개까지만 씁니다.",
  "producerDialog.valueTemplate": "값",
  "producerDialog.valueTemplateHint": "{n}은 레코드 번호, {key}는 키로 바뀝니다.",
  "producerDialog.nullValue": "null 값 (툼스톤)",
  "producerDialog.nullValueHint":
    "모든 레코드의 값이 null입니다. 압축(compact) 토픽에서 null 값은 그 키를 지웁니다.",
  "producerDialog.valueTooLong": "최대 {max}자입니다.",
  "producerDialog.preview": "처음 레코드들(키 → 값):",
  "producerDialog.acks0":
    "브로커를 기다리지 않습니다. 가장 빠르지만 레코드가 소리 없이 사라질 수 있습니다.",
  "producerDialog.acks1":
    "리더가 썼으면 확인합니다. 팔로워가 복제하기 전에 리더가 죽으면 잃습니다.",
  "producerDialog.acksAll":
    "ISR의 모든 레플리카(최소 min.insync.replicas)가 가졌을 때 확인합니다. 확인된 레코드는 잃지 않습니다.",
  "producerDialog.acksZero": "acks=0이면 쓰기가 실패해도 프로듀서는 알지 못합니다.",
  "producerDialog.lingerHint": "배치를 채울 레코드를 더 기다리는 시간(Kafka 기본값: 5).",
  "producerDialog.batchHint": "파티션별 배치 하나의 최대 바이트(기본 16384, 0이면 배치 없음).",
  "producerDialog.idempotenceHint": "재시도로 생길 중복을 브로커가 버립니다.",
  "producerDialog.idempotenceNeedsAcksAll":
    "멱등 프로듀서는 acks=all이어야 합니다. 아니면 Kafka가 시작을 거부합니다.",
  "producerDialog.fixAcksAll": "acks=all로 바꾸기",
  "producerDialog.fixIdempotenceOff": "멱등성 끄기",
  "producerDialog.partitioner": "파티셔너",
  "producerDialog.partitionerDefaultName": "기본(키 기준)",
  "producerDialog.partitionerDefault":
    "키가 있으면 murmur2(key) mod 파티션 수로, null 키는 배치마다 한 파티션에 붙어 갑니다.",
  "producerDialog.partitionerRoundRobin":
    "레코드를 파티션에 차례로 하나씩 보냅니다. 키는 무시합니다.",
  "producerDialog.roundRobinIgnoresKeys":
    "RoundRobinPartitioner는 키를 무시합니다. 같은 키의 레코드가 여러 파티션에 흩어져 순서를 잃습니다.",
  "producerDialog.submit": "프로듀서 추가",
  "producerDialog.submitting": "시작하는 중…",
  "producerDialog.added": "“{topic}”에 프로듀서를 추가했습니다.",
  "producerDialog.updated": "프로듀서 {id}의 설정을 바꿨습니다.",
  "consumerDialog.title": "컨슈머 추가",
  "consumerDialog.description":
    "진짜 Kafka 컨슈머로, 컨슈머 그룹의 멤버가 되어 “{topic}”을(를) 읽습니다.",
  "consumerDialog.groupNewHint": "새 그룹입니다. 이 컨슈머가 혼자 모든 파티션을 읽습니다.",
  "consumerDialog.groupJoinHint":
    "멤버 {count}명인 그룹에 조인합니다. 리밸런스가 일어나 파티션을 나눠 갖습니다.",
  "consumerDialog.groupIdEmpty": "컨슈머 그룹에는 ID가 필요합니다.",
  "consumerDialog.assignorRange":
    "토픽마다 연속된 파티션을 멤버별로 나눕니다. Eager: 리밸런스 동안 모두 멈춥니다.",
  "consumerDialog.assignorRoundRobin":
    "파티션을 하나씩 돌아가며 나눕니다. Eager: 리밸런스 동안 모두 멈춥니다.",
  "consumerDialog.assignorSticky": "고르게 나누면서 옮기는 파티션을 최소로 합니다. Eager.",
  "consumerDialog.assignorCooperative":
    "sticky와 같지만 옮겨 가는 파티션만 회수하고, 나머지는 계속 읽습니다. Cooperative.",
  "consumerDialog.assignorMismatch":
    "그룹 멤버들은 {protocol}을(를) 씁니다. 공통 어사이너가 없으면 코디네이터가 이 멤버를 거절합니다.",
  "consumerDialog.processingDelay": "레코드당 처리 시간(ms)",
  "consumerDialog.processingDelayHint": "늘리면 컨슈머가 느려져 랙이 쌓이는 모습을 볼 수 있습니다.",
  "consumerDialog.sessionTimeoutHint":
    "이 시간 동안 하트비트가 없으면 멤버가 빠지고 리밸런스가 일어납니다. 브로커는 {min} ms부터 {max} ms까지 허용합니다.",
  "consumerDialog.sessionTimeoutBounds":
    "브로커는 {min} ms부터 {max} ms까지만 받습니다(group.min.session.timeout.ms, group.max.session.timeout.ms).",
  "consumerDialog.instanceIdHint":
    "정적 멤버십: 같은 ID로 session.timeout.ms 안에 돌아오면 리밸런스 없이 파티션을 그대로 갖습니다.",
  "consumerDialog.instanceIdPlaceholder": "비우면 동적 멤버",
  "consumerDialog.instanceIdIllegal":
    "토픽 이름처럼 영문자, 숫자, '.', '_', '-'만 쓰세요(최대 {max}자).",
  "consumerDialog.instanceIdInUse":
    "이 그룹의 다른 컨슈머가 이 ID를 쓰고 있습니다. 코디네이터가 먼저 있던 쪽을 펜싱합니다.",
  "consumerDialog.autoCommitOn": "5초마다 오프셋을 커밋합니다(auto.commit.interval.ms).",
  "consumerDialog.autoCommitOff":
    "커밋하지 않습니다. 다시 시작하면 그룹이 처음이나 끝에서 다시 읽습니다.",
  "consumerDialog.fromBeginning": "처음부터 읽기",
  "consumerDialog.fromBeginningOn":
    "커밋된 오프셋이 없으면 가장 오래된 레코드부터 읽습니다(auto.offset.reset=earliest).",
  "consumerDialog.fromBeginningOff":
    "커밋된 오프셋이 없으면 새 레코드만 읽습니다(auto.offset.reset=latest).",
  "consumerDialog.extraTopics": "함께 구독할 토픽",
  "consumerDialog.extraTopicsHint":
    "컨슈머는 {topic}와 이 토픽들을 구독합니다. 구독이 다른 멤버는 다른 몫을 받습니다.",
  "consumerDialog.submit": "컨슈머 추가",
  "consumerDialog.submitting": "조인하는 중…",
  "consumerDialog.added": "컨슈머가 “{topic}”에서 그룹 “{group}”에 조인했습니다.",
};
