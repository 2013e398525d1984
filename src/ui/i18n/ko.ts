/** 한국어 문자열: strings/의 각 영역 표를 모읍니다. en.ts의 모든 키가 여기에도 있어야 합니다. */
import type { MessageKey } from "./en.ts";
import { commonKo } from "./strings/common.ts";

export const ko: Record<MessageKey, string> = {
  ...commonKo,
};
