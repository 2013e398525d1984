import { describe, expect, it } from "vitest";
import { describeException } from "../framework/java-exception.ts";
import { LineMessageReader, lineReaderConfig } from "./line-message-reader.ts";

const reader = (properties: Record<string, string>) =>
  new LineMessageReader(lineReaderConfig(new Map(Object.entries(properties))));

function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return describeException(error);
  }
  throw new Error("expected a failure");
}

describe("LineMessageReader", () => {
  it("reads the whole line as the value by default, tabs and all", () => {
    expect(reader({}).read("a\tb")).toEqual({ key: null, value: "a\tb", headers: [] });
  });

  it("splits headers, key and value by Kafka's default separators", () => {
    const read = reader({ "parse.key": "true", "parse.headers": "TRUE " }).read(
      "h1:v1,h2:v:2\tk\tv\tw",
    );
    expect(read).toEqual({
      key: "k",
      value: "v\tw",
      headers: [
        { key: "h1", value: "v1" },
        { key: "h2", value: "v:2" },
      ],
    });
  });

  it("uses custom separators; headers.separator is a regular expression", () => {
    const read = reader({
      "parse.key": "true",
      "key.separator": "::",
      "parse.headers": "true",
      "headers.delimiter": "|",
      "headers.separator": "[;,]",
      "headers.key.separator": "=",
    }).read("a=1;b=2,c=3|key::value");
    expect(read.key).toBe("key");
    expect(read.value).toBe("value");
    expect(read.headers.map((header) => `${header.key}=${header.value}`)).toEqual([
      "a=1",
      "b=2",
      "c=3",
    ]);
  });

  it("turns fields equal to null.marker into null", () => {
    const read = reader({
      "parse.key": "true",
      "parse.headers": "true",
      "null.marker": "<null>",
    }).read("h:<null>\t<null>\t<null>");
    expect(read).toEqual({ key: null, value: null, headers: [{ key: "h", value: null }] });
    expect(reader({ "parse.headers": "true", "null.marker": "-" }).read("-\tv").headers).toEqual(
      [],
    );
  });

  it("names the line that does not parse, unless ignore.error", () => {
    const strict = reader({ "parse.key": "true" });
    expect(strict.read("k\tv").key).toBe("k");
    expect(failure(() => strict.read("no separator"))).toBe(
      "org.apache.kafka.common.KafkaException: No key separator found on line number 2: 'no separator'",
    );
    expect(reader({ "parse.key": "true", "ignore.error": "true" }).read("no separator")).toEqual({
      key: null,
      value: "no separator",
      headers: [],
    });
    expect(failure(() => reader({ "parse.headers": "true" }).read("h1\tv"))).toBe(
      "org.apache.kafka.common.KafkaException: No header key separator found in pair 'h1' on line number 1",
    );
    expect(
      reader({ "parse.headers": "true", "ignore.error": "true" }).read("h1\tv").headers,
    ).toEqual([{ key: "h1", value: null }]);
    expect(
      failure(() => reader({ "parse.headers": "true", "null.marker": "N" }).read("N:x\tv")),
    ).toBe(
      "org.apache.kafka.common.KafkaException: Header keys should not be equal to the null marker 'N' as they can't be null",
    );
  });

  it("refuses separators that would be ambiguous, as configure() does", () => {
    expect(failure(() => lineReaderConfig(new Map([["headers.delimiter", ","]])))).toBe(
      "org.apache.kafka.common.KafkaException: headers.delimiter and headers.separator may not be equal",
    );
    expect(failure(() => lineReaderConfig(new Map([["null.marker", "\t"]])))).toBe(
      "org.apache.kafka.common.KafkaException: null.marker and key.separator may not be equal",
    );
    expect(failure(() => lineReaderConfig(new Map([["headers.separator", ":"]])))).toBe(
      "org.apache.kafka.common.KafkaException: headers.separator and headers.key.separator may not be equal",
    );
  });
});
