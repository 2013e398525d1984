import { describe, expect, it } from "vitest";
import { KafkaProtocolError } from "../../client/kafka-error.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { describeException, exceptionNameOfCode, JavaException } from "./java-exception.ts";

describe("Java exceptions as Kafka's tools print them", () => {
  it("names an error code's exception as Kafka's Errors table does", () => {
    expect(exceptionNameOfCode("NOT_LEADER_OR_FOLLOWER")).toBe("NotLeaderOrFollowerException");
    // Codes whose name already ends in EXCEPTION do not get a second "Exception".
    expect(exceptionNameOfCode("INVALID_TOPIC_EXCEPTION")).toBe("InvalidTopicException");
  });

  it("prints Throwable.toString(): the class in its package, then the message when there is one", () => {
    expect(describeException(new JavaException("TimeoutException", "late"))).toBe(
      "org.apache.kafka.common.errors.TimeoutException: late",
    );
    expect(describeException(new JavaException("NoSuchElementException", "No value present"))).toBe(
      "java.util.NoSuchElementException: No value present",
    );
    expect(describeException(new JavaException("TimeoutException"))).toBe(
      "org.apache.kafka.common.errors.TimeoutException",
    );
    // InvalidRecordException lives in org.apache.kafka.common, not in .errors.
    expect(describeException(new KafkaProtocolError(ErrorCode.INVALID_RECORD, "bad crc"))).toBe(
      "org.apache.kafka.common.InvalidRecordException: bad crc",
    );
  });

  it("keeps a name given with its package, and tells an empty message from none", () => {
    const jopt = new JavaException("joptsimple.UnrecognizedOptionException", "x is not an option");
    expect(jopt.className).toBe("joptsimple.UnrecognizedOptionException");
    expect(jopt.simpleName).toBe("UnrecognizedOptionException");
    expect(String(jopt)).toBe("joptsimple.UnrecognizedOptionException: x is not an option");
    // new NoSuchFileException("").toString() is "java.nio.file.NoSuchFileException: ".
    expect(String(new JavaException("NoSuchFileException", ""))).toBe(
      "java.nio.file.NoSuchFileException: ",
    );
  });
});
