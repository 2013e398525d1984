/**
 * Sharing and export: the share dialog, the import review and its problems (what is wrong
 * with a file or a link, named by path), the rebuild's progress, the Docker export and the
 * charts' downloads.
 */
export const shareEn = {
  "share.button": "Share",
  "share.buttonTitle": "Export, import and share this playground",
  "share.title": "Share and export",
  "share.description":
    "Take this playground with you: its brokers, topics and their configs, clients and view.",
  "share.file.heading": "Save as a file",
  "share.file.text": "A JSON file you can open here later, or give to someone else.",
  "share.file.includeData": "Include the records",
  "share.file.includeDataHint":
    "Read back with a consumer: the newest {perPartition} of each partition, {bytes} in all.",
  "share.file.export": "Export file",
  "share.file.exporting": "Reading the cluster…",
  "share.file.saved": "Saved {name}: {topics} topics, {records} records.",
  "share.file.truncated":
    "Cut to stay within the bounds: {skipped} older records were left out (the file says so too).",
  "share.file.timedOut":
    "Some partitions could not be read in time (a partition without a leader?): their newest records may be missing, and the file says it was cut.",
  "share.link.heading": "Share a link",
  "share.link.text":
    "The playground packed into the link itself: nothing is uploaded anywhere. Opening it asks before replacing anything.",
  "share.link.copy": "Copy link",
  "share.link.making": "Packing…",
  "share.link.label": "Share link",
  "share.link.copied": "Link copied ({length} characters).",
  "share.link.copyFailed":
    "The browser did not allow copying: select the link above and copy it yourself.",
  "share.link.withData": "The records are in the link too: they fit.",
  "share.link.withoutData":
    "Without the records: they would make the link longer than {max} characters. Export a file to keep them.",
  "share.open.heading": "Open a file",
  "share.open.text":
    "Replace this playground with an exported one. You see what is in it and are asked first.",
  "share.open.choose": "Choose a file…",
  "share.kafka.heading": "Run it on real Kafka",
  "share.kafka.text":
    "A docker-compose.yml for a KRaft cluster of the same shape, and a script that creates the topics and runs the clients.",
  "share.kafka.open": "Export for Docker…",
  "share.cannotExport": "This playground holds something the file format cannot carry:",

  "import.titleValid": "Replace the playground?",
  "import.titleInvalidFile": "This file cannot be opened",
  "import.titleInvalidLink": "This link cannot be opened",
  "import.fromFile": "From the file {name}, exported {date}.",
  "import.fromLink": "From a shared link, exported {date}.",
  "import.cluster":
    "{brokers} brokers, {controllers} of them KRaft controllers · storage: {storage}",
  "import.topics": "Topics",
  "import.topicLine": "{partitions} partitions · RF {replicationFactor}",
  "import.noTopics": "No topics.",
  "import.producers": "Producers",
  "import.producerLine": "to {topic}, {rate} records/s, acks={acks}",
  "import.consumers": "Consumers",
  "import.consumerLine": "reads {topic} in the group {group}",
  "import.records": "{count} records will be written back.",
  "import.recordsTruncated": "The export left out {skipped} older records.",
  "import.noRecords": "No records: the topics start empty.",
  "import.warning":
    "Everything here now goes: the brokers and their storage, the topics, records and clients. The page reloads and builds the imported cluster.",
  "import.submit": "Replace playground",
  "import.submitting": "Replacing…",
  "import.nothingChanged": "Nothing was changed. What is wrong:",
  "import.problemsMore": "…and {count} more.",
  "import.pathRoot": "(whole document)",

  "progress.title": "Building the imported playground",
  "progress.label": "Import progress",
  "progress.brokers": "Start {count} brokers",
  "progress.topics": "Create the topics and their configs ({done} of {total})",
  "progress.records": "Write the records back ({done} of {total})",
  "progress.clients": "Start the clients ({count})",
  "progress.layout": "Restore the view",
  "progress.state.done": "done",
  "progress.state.running": "in progress",
  "progress.state.waiting": "waiting",
  "progress.state.failed": "failed",
  "progress.done": "The imported playground is ready.",
  "progress.failed": "The import stopped: {message}",
  "progress.failedHint":
    "What was built so far stays. Reset the playground from the settings to start over.",

  "kafka.title": "Run this cluster on real Kafka",
  "kafka.description":
    "Two files for the official apache/kafka image: the cluster (same node ids and roles), and a script for its topics and clients.",
  "kafka.step1": "Save both files in one folder.",
  "kafka.step2": "Start the cluster:",
  "kafka.step3": "Create the topics and their configs:",
  "kafka.step4": "Run a client in a terminal (or connect your own code to {bootstrap}):",
  "kafka.download": "Download {file}",
  "kafka.copy": "Copy",
  "kafka.copied": "Copied {file}.",
  "kafka.preview": "Contents of {file}",
  "kafka.reading": "Reading the cluster's topics and configs…",
  "kafka.notes":
    "Records are not included. Each producer's rate and keys become a comment: the console producer sends what you type (key:value per line).",

  "chart.downloadSvg": "SVG",
  "chart.downloadPng": "PNG",
  "chart.downloadSvgLabel": "Download the {name} chart as SVG",
  "chart.downloadPngLabel": "Download the {name} chart as PNG",
  "chart.fileTitle": "{name} ({unit}), last {seconds} s",
  "metrics.downloadCsv": "Download CSV",
  "metrics.downloadCsvLabel":
    "Download every metric's samples as CSV (time, metric, labels, value)",
  "metrics.toolbarNote": "One sample a second, the last {seconds} s.",

  "share.problem.string": "Expected text, found {found}.",
  "share.problem.integer": "Expected a whole number, found {found}.",
  "share.problem.number": "Expected a number, found {found}.",
  "share.problem.boolean": "Expected true or false, found {found}.",
  "share.problem.object": "Expected an object, found {found}.",
  "share.problem.array": "Expected a list, found {found}.",
  "share.problem.tooLong": "{length} characters; at most {max} are allowed here.",
  "share.problem.emptyText": "Must not be empty.",
  "share.problem.outOfRange": "{value} is out of range: it must be from {min} to {max}.",
  "share.problem.notOneOf": "“{value}” is not allowed here. Allowed: {allowed}.",
  "share.problem.tooMany": "{count} entries; at most {max} are allowed here.",
  "share.problem.forbiddenName":
    "The name “{name}” is refused: it could change how the page's objects behave (prototype pollution).",
  "share.problem.unknownField": "Unknown field “{name}”: this format has no such field.",
  "share.problem.missingField": "The field “{name}” is missing.",
  "share.problem.unknownConfig":
    "{name} is not a topic config Kafka has, or not one the playground's brokers support.",
  "share.problem.clientId": "A client's id is written like {example}.",
  "share.problem.duplicate": "“{name}” appears twice.",
  "share.problem.tooManyRecords": "{count} records in all; at most {max}.",
  "share.problem.tooManyBytes": "The records' keys and values come to {bytes}; at most {max}.",
  "share.problem.internalTopic":
    "“{name}” is a name for Kafka's internal topics (they begin with __): the cluster makes those itself.",
  "share.problem.date":
    "Not a date and time as an export writes one (like 2025-01-31T12:00:00.000Z).",
  "share.problem.controllersAboveBrokers":
    "{controllers} controllers but only {brokers} brokers: the controllers are some of the brokers.",
  "share.problem.unknownTopic": "No topic named “{name}” among the document's topics.",
  "share.problem.selectionMissing": "The selected {kind} is not in the document.",
  "share.problem.noSuchPartition":
    "{topic} has {count} partitions: there is no partition {partition}.",
  "share.problem.notDocument": "This holds {found}, not a playground export (a JSON object).",
  "share.problem.format": "Not a Kafka Playground export: “format” must be “{format}”.",
  "share.problem.version":
    "Format version {version} is not one this page reads (it reads version {supported}).",
  "share.problem.emptyFile": "The file is empty.",
  "share.problem.notJson": "Not JSON: {detail}",
  "share.problem.fileTooLarge": "The file is {size}; the limit is {max}.",
  "share.problem.linkTooLong": "The link is {length} characters long; the limit is {max}.",
  "share.problem.linkNotBase64": "The link is damaged: its data is not base64url.",
  "share.problem.linkBomb": "The link's data unpacks to more than {max}: refused.",
  "share.problem.linkCorrupt": "The link is damaged: its data does not unpack ({detail}).",
} as const;

export const shareKo: Record<keyof typeof shareEn, string> = {
  "share.button": "공유",
  "share.buttonTitle": "이 플레이그라운드 내보내기, 가져오기, 공유",
  "share.title": "공유와 내보내기",
  "share.description":
    "이 플레이그라운드를 가져가세요: 브로커, 토픽과 설정, 클라이언트, 화면 구성.",
  "share.file.heading": "파일로 저장",
  "share.file.text": "나중에 여기서 다시 열거나 다른 사람에게 줄 수 있는 JSON 파일입니다.",
  "share.file.includeData": "레코드 포함",
  "share.file.includeDataHint":
    "컨슈머로 다시 읽어 담습니다: 파티션마다 최근 {perPartition}개, 전체 {bytes}까지.",
  "share.file.export": "파일 내보내기",
  "share.file.exporting": "클러스터 읽는 중…",
  "share.file.saved": "{name} 저장: 토픽 {topics}개, 레코드 {records}개.",
  "share.file.truncated":
    "한도를 넘지 않도록 잘랐습니다: 오래된 레코드 {skipped}개가 빠졌습니다 (파일에도 적혀 있습니다).",
  "share.file.timedOut":
    "일부 파티션을 제때 읽지 못했습니다 (리더가 없는 파티션?): 최근 레코드가 빠졌을 수 있고, 파일에도 잘렸다고 적혀 있습니다.",
  "share.link.heading": "링크로 공유",
  "share.link.text":
    "플레이그라운드를 링크 자체에 담습니다: 어디에도 업로드하지 않습니다. 링크를 열면 바꾸기 전에 먼저 묻습니다.",
  "share.link.copy": "링크 복사",
  "share.link.making": "만드는 중…",
  "share.link.label": "공유 링크",
  "share.link.copied": "링크를 복사했습니다 ({length}자).",
  "share.link.copyFailed":
    "브라우저가 복사를 허용하지 않았습니다: 위의 링크를 선택해 직접 복사하세요.",
  "share.link.withData": "레코드도 링크에 담았습니다.",
  "share.link.withoutData":
    "레코드는 빠졌습니다: 링크가 {max}자보다 길어지기 때문입니다. 레코드를 남기려면 파일로 내보내세요.",
  "share.open.heading": "파일 열기",
  "share.open.text":
    "이 플레이그라운드를 내보낸 파일의 것으로 바꿉니다. 파일 내용을 보여 주고 먼저 확인합니다.",
  "share.open.choose": "파일 선택…",
  "share.kafka.heading": "실제 Kafka에서 실행",
  "share.kafka.text":
    "같은 모양의 KRaft 클러스터를 띄우는 docker-compose.yml과, 토픽을 만들고 클라이언트를 실행하는 스크립트입니다.",
  "share.kafka.open": "Docker용으로 내보내기…",
  "share.cannotExport": "이 플레이그라운드에는 파일 형식에 담을 수 없는 것이 있습니다:",

  "import.titleValid": "플레이그라운드를 바꿀까요?",
  "import.titleInvalidFile": "이 파일은 열 수 없습니다",
  "import.titleInvalidLink": "이 링크는 열 수 없습니다",
  "import.fromFile": "파일 {name}에서, {date}에 내보냄.",
  "import.fromLink": "공유 링크에서, {date}에 내보냄.",
  "import.cluster": "브로커 {brokers}개 (그중 KRaft 컨트롤러 {controllers}개) · 저장소: {storage}",
  "import.topics": "토픽",
  "import.topicLine": "파티션 {partitions}개 · RF {replicationFactor}",
  "import.noTopics": "토픽 없음.",
  "import.producers": "프로듀서",
  "import.producerLine": "{topic}에 초당 {rate}개, acks={acks}",
  "import.consumers": "컨슈머",
  "import.consumerLine": "{group} 그룹으로 {topic}을(를) 읽음",
  "import.records": "레코드 {count}개를 다시 씁니다.",
  "import.recordsTruncated": "내보낼 때 오래된 레코드 {skipped}개가 빠졌습니다.",
  "import.noRecords": "레코드 없음: 토픽은 빈 상태로 시작합니다.",
  "import.warning":
    "지금 있는 모든 것이 사라집니다: 브로커와 저장소, 토픽, 레코드, 클라이언트. 페이지를 다시 불러와 가져온 클러스터를 만듭니다.",
  "import.submit": "플레이그라운드 바꾸기",
  "import.submitting": "바꾸는 중…",
  "import.nothingChanged": "아무것도 바뀌지 않았습니다. 문제는 다음과 같습니다:",
  "import.problemsMore": "…그 밖에 {count}개 더.",
  "import.pathRoot": "(문서 전체)",

  "progress.title": "가져온 플레이그라운드를 만드는 중",
  "progress.label": "가져오기 진행 상황",
  "progress.brokers": "브로커 {count}개 시작",
  "progress.topics": "토픽과 설정 만들기 ({total}개 중 {done}개)",
  "progress.records": "레코드 다시 쓰기 ({total}개 중 {done}개)",
  "progress.clients": "클라이언트 시작 ({count}개)",
  "progress.layout": "화면 구성 복원",
  "progress.state.done": "완료",
  "progress.state.running": "진행 중",
  "progress.state.waiting": "대기",
  "progress.state.failed": "실패",
  "progress.done": "가져온 플레이그라운드가 준비되었습니다.",
  "progress.failed": "가져오기가 중단되었습니다: {message}",
  "progress.failedHint":
    "지금까지 만든 것은 그대로 남습니다. 처음부터 다시 하려면 설정에서 플레이그라운드를 초기화하세요.",

  "kafka.title": "이 클러스터를 실제 Kafka에서 실행",
  "kafka.description":
    "공식 apache/kafka 이미지용 파일 두 개: 클러스터(같은 노드 id와 역할), 그리고 토픽과 클라이언트용 스크립트.",
  "kafka.step1": "두 파일을 한 폴더에 저장합니다.",
  "kafka.step2": "클러스터 시작:",
  "kafka.step3": "토픽과 설정 만들기:",
  "kafka.step4": "터미널에서 클라이언트 실행 (직접 만든 코드라면 {bootstrap}로 접속):",
  "kafka.download": "{file} 내려받기",
  "kafka.copy": "복사",
  "kafka.copied": "{file}을(를) 복사했습니다.",
  "kafka.preview": "{file} 내용",
  "kafka.reading": "클러스터의 토픽과 설정을 읽는 중…",
  "kafka.notes":
    "레코드는 포함되지 않습니다. 프로듀서의 속도와 키 설정은 주석으로 남습니다: 콘솔 프로듀서는 입력한 줄(key:value)을 보냅니다.",

  "chart.downloadSvg": "SVG",
  "chart.downloadPng": "PNG",
  "chart.downloadSvgLabel": "{name} 차트를 SVG로 내려받기",
  "chart.downloadPngLabel": "{name} 차트를 PNG로 내려받기",
  "chart.fileTitle": "{name} ({unit}), 최근 {seconds}초",
  "metrics.downloadCsv": "CSV 내려받기",
  "metrics.downloadCsvLabel": "모든 지표의 샘플을 CSV로 내려받기 (시간, 지표, 레이블, 값)",
  "metrics.toolbarNote": "1초마다 한 번 측정, 최근 {seconds}초.",

  "share.problem.string": "텍스트여야 하는데 {found} 값입니다.",
  "share.problem.integer": "정수여야 하는데 {found} 값입니다.",
  "share.problem.number": "숫자여야 하는데 {found} 값입니다.",
  "share.problem.boolean": "true나 false여야 하는데 {found} 값입니다.",
  "share.problem.object": "객체여야 하는데 {found} 값입니다.",
  "share.problem.array": "목록(배열)이어야 하는데 {found} 값입니다.",
  "share.problem.tooLong": "{length}자입니다. 여기에는 최대 {max}자까지 쓸 수 있습니다.",
  "share.problem.emptyText": "비어 있으면 안 됩니다.",
  "share.problem.outOfRange": "{value}은(는) 범위를 벗어났습니다: {min}부터 {max}까지여야 합니다.",
  "share.problem.notOneOf": "“{value}”은(는) 여기에 쓸 수 없습니다. 가능한 값: {allowed}.",
  "share.problem.tooMany": "항목이 {count}개입니다. 여기에는 최대 {max}개까지입니다.",
  "share.problem.forbiddenName":
    "“{name}”이라는 이름은 거부됩니다: 페이지 객체의 동작을 바꿀 수 있습니다 (프로토타입 오염).",
  "share.problem.unknownField": "알 수 없는 필드 “{name}”: 이 형식에는 없는 필드입니다.",
  "share.problem.missingField": "“{name}” 필드가 없습니다.",
  "share.problem.unknownConfig":
    "{name}은(는) Kafka의 토픽 설정이 아니거나, 플레이그라운드 브로커가 지원하지 않는 설정입니다.",
  "share.problem.clientId": "클라이언트 id는 {example}처럼 씁니다.",
  "share.problem.duplicate": "“{name}”이(가) 두 번 나옵니다.",
  "share.problem.tooManyRecords": "레코드가 모두 {count}개입니다. 최대 {max}개까지입니다.",
  "share.problem.tooManyBytes": "레코드의 키와 값이 {bytes}입니다. 최대 {max}까지입니다.",
  "share.problem.internalTopic":
    "“{name}”은(는) Kafka 내부 토픽용 이름입니다 (__로 시작): 내부 토픽은 클러스터가 직접 만듭니다.",
  "share.problem.date": "내보내기가 쓰는 날짜·시간 형식이 아닙니다 (예: 2025-01-31T12:00:00.000Z).",
  "share.problem.controllersAboveBrokers":
    "컨트롤러는 {controllers}개인데 브로커는 {brokers}개뿐입니다: 컨트롤러는 브로커 중 일부입니다.",
  "share.problem.unknownTopic": "문서의 토픽 중에 “{name}” 토픽이 없습니다.",
  "share.problem.selectionMissing": "선택된 {kind}이(가) 문서에 없습니다.",
  "share.problem.noSuchPartition":
    "{topic}의 파티션은 {count}개입니다: {partition}번 파티션은 없습니다.",
  "share.problem.notDocument":
    "{found} 값이 들어 있습니다. 플레이그라운드 내보내기(JSON 객체)가 아닙니다.",
  "share.problem.format":
    "Kafka Playground 내보내기가 아닙니다: “format”은 “{format}”이어야 합니다.",
  "share.problem.version":
    "형식 버전 {version}은(는) 이 페이지가 읽지 못합니다 (읽을 수 있는 버전: {supported}).",
  "share.problem.emptyFile": "파일이 비어 있습니다.",
  "share.problem.notJson": "JSON이 아닙니다: {detail}",
  "share.problem.fileTooLarge": "파일 크기가 {size}입니다. 한도는 {max}입니다.",
  "share.problem.linkTooLong": "링크가 {length}자입니다. 한도는 {max}자입니다.",
  "share.problem.linkNotBase64": "링크가 손상되었습니다: 데이터가 base64url이 아닙니다.",
  "share.problem.linkBomb": "링크의 데이터를 풀면 {max}을(를) 넘습니다: 거부했습니다.",
  "share.problem.linkCorrupt": "링크가 손상되었습니다: 데이터를 풀 수 없습니다 ({detail}).",
};
