/**
 * English strings: each area of the page keeps its own table in strings/, in both
 * languages side by side; every key here must exist in Korean too (a test checks).
 */
import { commonEn } from "./strings/common.ts";

export const en = {
  ...commonEn,
} as const;

export type MessageKey = keyof typeof en;
