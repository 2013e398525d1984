/**
 * Loads the codecs that need loading (zstd's WebAssembly) before a node starts, so the
 * node accepts zstd batches as Kafka's brokers do. The load is raced against a timer: if
 * the wasm cannot be fetched the loader never settles, and a broker must start anyway (it
 * then answers zstd batches with UNSUPPORTED_COMPRESSION_TYPE). Resolves with whether zstd
 * is ready.
 */
import {
  initCompression,
  isCompressionAvailable,
} from "../../protocol/records/compression/index.ts";

export const COMPRESSION_LOAD_TIMEOUT_MS = 5_000;

export async function loadCompression(timeoutMs = COMPRESSION_LOAD_TIMEOUT_MS): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  await Promise.race([initCompression().catch(() => undefined), timedOut]);
  clearTimeout(timer);
  return isCompressionAvailable("zstd");
}
