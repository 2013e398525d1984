/**
 * What a partition log answers instead of throwing at bad input or failed storage: the
 * Kafka error code a broker would send, and a sentence for people.
 */
import { ErrorCode } from "../protocol/generated/error-codes.ts";

export interface LogFailure {
  ok: false;
  errorCode: number;
  message: string;
}

export type LogResult<T> = ({ ok: true } & T) | LogFailure;

export function logFailure(errorCode: number, message: string): LogFailure {
  return { ok: false, errorCode, message };
}

export const storageFailure = (detail: string): LogFailure =>
  logFailure(ErrorCode.KAFKA_STORAGE_ERROR, `the log directory is offline: ${detail}`);
