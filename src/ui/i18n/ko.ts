/** 한국어 문자열: strings/의 각 영역 표를 모읍니다. en.ts의 모든 키가 여기에도 있어야 합니다. */
import type { MessageKey } from "./en.ts";
import { canvasKo } from "./strings/canvas.ts";
import { clientsKo } from "./strings/clients.ts";
import { commonKo } from "./strings/common.ts";
import { chromeKo } from "./strings/chrome.ts";
import { dialogsKo } from "./strings/dialogs.ts";
import { dialogsClientsKo } from "./strings/dialogs-clients.ts";
import { kafkaErrorsKo } from "./strings/kafka-errors.ts";
import { dockKo } from "./strings/dock.ts";
import { inspectorKo } from "./strings/inspector.ts";
import { terminalKo } from "./strings/terminal.ts";
import { shareKo } from "./strings/share.ts";
import { lessonsKo } from "./strings/lessons.ts";

export const ko: Record<MessageKey, string> = {
  ...commonKo,
  ...chromeKo,
  ...dialogsKo,
  ...dialogsClientsKo,
  ...kafkaErrorsKo,
  ...canvasKo,
  ...dockKo,
  ...clientsKo,
  ...inspectorKo,
  ...terminalKo,
  ...shareKo,
  ...lessonsKo,
};
