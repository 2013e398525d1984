/**
 * English strings: each area of the page keeps its own table in strings/, in both
 * languages side by side; every key here must exist in Korean too (a test checks).
 */
import { canvasEn } from "./strings/canvas.ts";
import { clientsEn } from "./strings/clients.ts";
import { commonEn } from "./strings/common.ts";
import { chromeEn } from "./strings/chrome.ts";
import { dialogsEn } from "./strings/dialogs.ts";
import { dialogsClientsEn } from "./strings/dialogs-clients.ts";
import { kafkaErrorsEn } from "./strings/kafka-errors.ts";
import { dockEn } from "./strings/dock.ts";
import { inspectorEn } from "./strings/inspector.ts";
import { terminalEn } from "./strings/terminal.ts";
import { shareEn } from "./strings/share.ts";
import { lessonsEn } from "./strings/lessons.ts";

export const en = {
  ...commonEn,
  ...chromeEn,
  ...dialogsEn,
  ...dialogsClientsEn,
  ...kafkaErrorsEn,
  ...canvasEn,
  ...dockEn,
  ...clientsEn,
  ...inspectorEn,
  ...terminalEn,
  ...shareEn,
  ...lessonsEn,
} as const;

export type MessageKey = keyof typeof en;
