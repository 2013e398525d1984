/**
 * The terminal's own words (its tab, intro, help, notes and controls). What the tools
 * print stays as Kafka prints it, in English. {brokers} and {broker} are filled in when
 * shown, with the cluster's broker addresses at that moment.
 */
export const terminalEn = {
  "dock.tab.terminal": "Terminal",

  "terminal.intro.what":
    "Kafka's command-line tools, run in this tab against the playground's cluster: the same options and the same output as Kafka's scripts.",
  "terminal.intro.brokers": "The brokers listen at {brokers}.",
  "terminal.intro.example": "Try:  kafka-topics.sh --bootstrap-server {broker} --describe",
  "terminal.intro.help":
    "Type help for the tools and the brokers' files. Tab completes commands, options, topics and config names.",

  "terminal.help.tools":
    "Kafka's tools (with or without .sh: kafka-topics.sh and kafka-topics both work):",
  "terminal.help.toolHelp": "Each tool lists its options with --help.",
  "terminal.help.builtins":
    "The terminal's own commands: help, clear, history, ls [directory] (the brokers' files).",
  "terminal.help.keys":
    "Keys: Enter runs · Tab completes · ↑ ↓ history · Ctrl-C stops a tool · Ctrl-D ends its input · Ctrl-L clears.",
  "terminal.help.files":
    "Each broker's log dir is broker-<id>/, laid out as Kafka's (ls broker-1 lists one). For example:",
  "terminal.help.filesExample": "  kafka-dump-log.sh --files {path} --print-data-log",

  "terminal.ls.usage": "ls: give one directory at most, e.g. ls broker-1",
  "terminal.ls.missing": "ls: {path}: no such directory (is the broker running?)",

  "terminal.note.inputRefused":
    "Not sent: the tool's input has ended (Ctrl-D), or too many lines are waiting.",
  "terminal.note.queueFull": "Too many commands are waiting: this one was dropped.",
  "terminal.note.moreCandidates": "…and {count} more.",
  "terminal.note.notStarted": "The cluster has not started yet: wait until the brokers are up.",
  "terminal.note.unknownBroker":
    "{address} is not a broker of this playground (they are {brokers}): the tool will wait until it times out. Ctrl-C stops it.",
  "terminal.note.fileCut": "Only the first {read} of {path} ({size}) were read.",

  "terminal.error.unterminated-single-quote":
    "Nothing was run: a ' opens a quote that does not close.",
  "terminal.error.unterminated-double-quote":
    'Nothing was run: a " opens a quote that does not close.',
  "terminal.error.trailing-backslash": "Nothing was run: the line ends with a backslash (\\).",
  "terminal.error.notFound": "{command}: command not found. Type help for the tools.",
  "terminal.error.failed": "The terminal could not run it: {message}",

  "terminal.output": "Terminal output",
  "terminal.input": "Command",
  "terminal.inputForTool": "Standard input of {command}",
  "terminal.ready": "Ready",
  "terminal.running": "Running: {command}",
  "terminal.stopping": "Stopping: {command}",
  "terminal.stop": "Stop (Ctrl-C)",
  "terminal.endInput": "End input (Ctrl-D)",
  "terminal.clear": "Clear",
  "terminal.exitCode": "Exit code {code}",
  "terminal.latest": "Jump to the latest",
} as const;

export const terminalKo: Record<keyof typeof terminalEn, string> = {
  "dock.tab.terminal": "터미널",

  "terminal.intro.what":
    "Kafka 명령줄 도구를 이 탭에서 플레이그라운드 클러스터에 대고 실행합니다. 옵션도 출력도 Kafka 스크립트와 같습니다.",
  "terminal.intro.brokers": "브로커 주소: {brokers}",
  "terminal.intro.example": "예:  kafka-topics.sh --bootstrap-server {broker} --describe",
  "terminal.intro.help":
    "help를 입력하면 도구 목록과 브로커 파일 위치가 나옵니다. Tab은 명령·옵션·토픽·설정 이름을 완성합니다.",

  "terminal.help.tools":
    "Kafka 도구(.sh는 붙여도 빼도 됩니다. kafka-topics.sh와 kafka-topics 모두 됩니다):",
  "terminal.help.toolHelp": "각 도구의 옵션은 --help로 볼 수 있습니다.",
  "terminal.help.builtins":
    "터미널 자체 명령: help, clear, history, ls [디렉터리](브로커의 파일 보기).",
  "terminal.help.keys":
    "키: Enter 실행 · Tab 완성 · ↑ ↓ 이전 명령 · Ctrl-C 도구 중지 · Ctrl-D 입력 끝 · Ctrl-L 지우기",
  "terminal.help.files":
    "브로커마다 로그 디렉터리는 broker-<id>/이고 구성은 Kafka와 같습니다(ls broker-1로 볼 수 있습니다). 예:",
  "terminal.help.filesExample": "  kafka-dump-log.sh --files {path} --print-data-log",

  "terminal.ls.usage": "ls: 디렉터리는 하나만 줄 수 있습니다. 예: ls broker-1",
  "terminal.ls.missing": "ls: {path}: 그런 디렉터리가 없습니다(브로커가 실행 중인가요?)",

  "terminal.note.inputRefused":
    "보내지 않았습니다. 도구의 입력이 이미 끝났거나(Ctrl-D) 기다리는 줄이 너무 많습니다.",
  "terminal.note.queueFull": "기다리는 명령이 너무 많아 이 명령은 버렸습니다.",
  "terminal.note.moreCandidates": "…외 {count}개",
  "terminal.note.notStarted":
    "클러스터가 아직 시작되지 않았습니다. 브로커가 뜰 때까지 기다려 주세요.",
  "terminal.note.unknownBroker":
    "{address}는 이 플레이그라운드의 브로커가 아닙니다(브로커: {brokers}). 도구는 시간 초과까지 기다리며, Ctrl-C로 멈출 수 있습니다.",
  "terminal.note.fileCut": "{path}({size})의 앞부분 {read}만 읽었습니다.",

  "terminal.error.unterminated-single-quote":
    "실행하지 않았습니다. 여는 '에 짝이 되는 닫는 '가 없습니다.",
  "terminal.error.unterminated-double-quote":
    '실행하지 않았습니다. 여는 "에 짝이 되는 닫는 "가 없습니다.',
  "terminal.error.trailing-backslash": "실행하지 않았습니다. 줄이 백슬래시(\\)로 끝납니다.",
  "terminal.error.notFound": "{command}: 명령을 찾을 수 없습니다. help로 도구 목록을 보세요.",
  "terminal.error.failed": "터미널이 실행하지 못했습니다: {message}",

  "terminal.output": "터미널 출력",
  "terminal.input": "명령",
  "terminal.inputForTool": "{command}의 표준 입력",
  "terminal.ready": "대기 중",
  "terminal.running": "실행 중: {command}",
  "terminal.stopping": "중지하는 중: {command}",
  "terminal.stop": "중지 (Ctrl-C)",
  "terminal.endInput": "입력 끝 (Ctrl-D)",
  "terminal.clear": "지우기",
  "terminal.exitCode": "종료 코드 {code}",
  "terminal.latest": "최신으로 이동",
};
