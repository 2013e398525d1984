/** The page's chrome: top bar, playback, theme, start-up strip, toasts, the welcome card. */
export const chromeEn = {
  "topbar.cluster": "Cluster",
  "topbar.clusterIdFull": "Cluster id {id}",
  "topbar.brokersAlive": "{alive} of {total} brokers alive",
  "topbar.createTopic": "Create topic",
  "topbar.settings": "Settings",
  "topbar.pausedBadge": "Paused: time is frozen",
  "playback.pause": "Pause",
  "playback.resume": "Resume",
  "playback.speed": "Speed",
  "playback.speedValue": "{speed}×",
  "theme.system": "System",
  "theme.light": "Light",
  "theme.dark": "Dark",
  "theme.toggle": "Theme: {theme} (press for {next})",
  "boot.progressLabel": "Starting the cluster",
  "boot.reload": "Reload",
  "boot.reset": "Reset playground",
  "toast.region": "Notifications",
  "toast.dismiss": "Dismiss",
  "welcome.title": "Welcome: this is a real Kafka cluster",
  "welcome.close": "Close the welcome",
  "welcome.intro":
    "Three brokers run in this tab as Web Workers and speak Kafka's own protocol. The topic “orders” has 3 partitions, each copied to all 3 brokers, with min.insync.replicas=2.",
  "welcome.try": "Four first moves:",
  "welcome.moveProducer":
    "Drag a producer from the palette onto “orders”: records fly to each partition's leader, then on to its followers.",
  "welcome.moveConsumer":
    "Drag a consumer onto “orders”: it joins a consumer group and reads every partition.",
  "welcome.moveKill":
    "Kill the leader of a partition (the replica with the crown): a follower in the ISR takes over, and nothing acknowledged is lost.",
  "welcome.moveLink":
    "Cut the link between two brokers: a follower falls out of the ISR. Heal it and watch it catch up.",
  "welcome.keyboard":
    "No mouse? Select a topic or a broker with Tab and Enter: the inspector has a button for every drag.",
  "welcome.gotIt": "Got it",
} as const;

export const chromeKo: Record<keyof typeof chromeEn, string> = {
  "topbar.cluster": "클러스터",
  "topbar.clusterIdFull": "클러스터 ID {id}",
  "topbar.brokersAlive": "브로커 {total}개 중 {alive}개 동작 중",
  "topbar.createTopic": "토픽 만들기",
  "topbar.settings": "설정",
  "topbar.pausedBadge": "일시정지됨: 시간이 멈췄습니다",
  "playback.pause": "일시정지",
  "playback.resume": "재개",
  "playback.speed": "속도",
  "playback.speedValue": "{speed}×",
  "theme.system": "시스템",
  "theme.light": "밝게",
  "theme.dark": "어둡게",
  "theme.toggle": "테마: {theme} (누르면 {next})",
  "boot.progressLabel": "클러스터 시작 중",
  "boot.reload": "새로고침",
  "boot.reset": "플레이그라운드 초기화",
  "toast.region": "알림",
  "toast.dismiss": "닫기",
  "welcome.title": "환영합니다: 진짜 Kafka 클러스터입니다",
  "welcome.close": "환영 안내 닫기",
  "welcome.intro":
    "이 탭 안에서 브로커 세 개가 Web Worker로 돌며 Kafka의 프로토콜 그대로 대화합니다. 토픽 “orders”는 파티션 3개이고, 각 파티션은 브로커 3개 모두에 복제되며 min.insync.replicas=2입니다.",
  "welcome.try": "처음 해 볼 네 가지:",
  "welcome.moveProducer":
    "팔레트에서 프로듀서를 “orders” 위로 끌어다 놓으세요. 레코드가 각 파티션의 리더로, 이어서 팔로워로 날아갑니다.",
  "welcome.moveConsumer":
    "컨슈머를 “orders” 위로 끌어다 놓으세요. 컨슈머 그룹에 조인해 모든 파티션을 읽습니다.",
  "welcome.moveKill":
    "파티션 리더(왕관이 있는 레플리카)의 브로커를 죽여 보세요. ISR의 팔로워가 리더를 이어받고, 확인(ack)된 레코드는 하나도 잃지 않습니다.",
  "welcome.moveLink":
    "두 브로커 사이의 링크를 끊어 보세요. 팔로워가 ISR에서 빠집니다. 링크를 되살리면 따라잡는 모습이 보입니다.",
  "welcome.keyboard":
    "마우스가 없나요? Tab과 Enter로 토픽이나 브로커를 선택하세요. 끌어다 놓기로 하는 일은 모두 인스펙터의 버튼으로도 할 수 있습니다.",
  "welcome.gotIt": "알겠어요",
};
