import { describe, expect, it } from "vitest";
import { capturedIo } from "../testing/captured-io.ts";
import { JavaException } from "./java-exception.ts";
import { logEventLines, logToStderr } from "./tool-log.ts";

describe("the log Kafka's tools write to standard error", () => {
  it("logs as log4j's tools pattern does, the logger on its own line after a stack trace", () => {
    const at = Date.UTC(2024, 1, 14, 5, 10, 19, 748);
    expect(logEventLines(at, "ERROR", "x.Y: boom\n", "a.B")).toEqual([
      "[2024-02-14 05:10:19,748] ERROR x.Y: boom",
      " (a.B)",
    ]);
    expect(logEventLines(at, "WARN", "careful", "a.B")).toEqual([
      "[2024-02-14 05:10:19,748] WARN careful (a.B)",
    ]);
  });

  it("writes an event stamped with the io's time, then the exception logged beside it", () => {
    const { io, out, err } = capturedIo();
    logToStderr(io, "ERROR", "failed: ", "a.B", new JavaException("TimeoutException"));
    logToStderr(io, "WARN", "careful", "a.B");
    expect(out).toEqual([]);
    // capturedIo's clock stands at 1_700_000_000_000 (2023-11-14 22:13:20 UTC).
    expect(err).toEqual([
      "[2023-11-14 22:13:20,000] ERROR failed:  (a.B)",
      "org.apache.kafka.common.errors.TimeoutException",
      "[2023-11-14 22:13:20,000] WARN careful (a.B)",
    ]);
  });
});
