import { describe, expect, it } from "vitest";
import type { KafkaMessage } from "../../client/consumer/consumer-types.ts";
import { OutputLines, formatRecord, formatterConfig } from "./default-message-formatter.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

function message(fields: Partial<KafkaMessage> = {}): KafkaMessage {
  return {
    key: bytes("key"),
    value: bytes("value"),
    timestamp: "1700000000000",
    attributes: 0,
    offset: "5",
    headers: {},
    size: 8,
    ...fields,
  };
}

const format = (properties: Record<string, string>, fields: Partial<KafkaMessage> = {}) =>
  formatRecord(
    { partition: 0, message: message(fields) },
    formatterConfig(new Map(Object.entries(properties))),
  );

const everything = {
  "print.timestamp": "true",
  "print.partition": "true",
  "print.offset": "true",
  "print.headers": "true",
  "print.key": "true",
};

describe("DefaultMessageFormatter", () => {
  it("prints the value alone by default", () => {
    expect(format({})).toBe("value\n");
  });

  it("prints every field in Kafka's order with its separators", () => {
    expect(format(everything)).toBe(
      "CreateTime:1700000000000\tPartition:0\tOffset:5\tNO_HEADERS\tkey\tvalue\n",
    );
    expect(
      format(everything, {
        attributes: 0x08,
        headers: { h1: bytes("v1"), h2: [bytes("a"), null] },
      }),
    ).toBe("LogAppendTime:1700000000000\tPartition:0\tOffset:5\th1:v1,h2:a,h2:null\tkey\tvalue\n");
  });

  it("ends with the line separator whichever field comes last", () => {
    expect(format({ "print.key": "true", "print.value": "false" })).toBe("key\n");
    expect(format({ "print.offset": "true", "print.value": "false", "line.separator": "|" })).toBe(
      "Offset:5|",
    );
    expect(format({ "print.value": "false" })).toBe("");
  });

  it("uses the configured separators and null literal; only 'true' turns a field on", () => {
    expect(
      format(
        {
          "print.key": " TRUE ",
          "print.headers": "yes",
          "key.separator": " => ",
          "null.literal": "<none>",
        },
        { key: null, value: null },
      ),
    ).toBe("<none> => <none>\n");
    expect(
      format(
        { "print.headers": "true", "headers.separator": ";" },
        { headers: { a: bytes("1"), b: bytes("2") } },
      ),
    ).toBe("a:1;b:2\tvalue\n");
  });

  it("cuts what it writes into lines at newlines, keeping a partial last line for the end", () => {
    const out: string[] = [];
    const lines = new OutputLines((line) => out.push(line));
    lines.write("a;");
    lines.write("b\nc;");
    expect(out).toEqual(["a;b"]);
    lines.flush();
    expect(out).toEqual(["a;b", "c;"]);
  });
});
