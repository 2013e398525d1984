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
} as const;

export type MessageKey = keyof typeof en;
