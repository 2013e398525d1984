import { describe, expect, it } from "vitest";
import { pastedLines, quoteWord, scanWords, splitWords } from "./shell-words.ts";

const words = (line: string) => {
  const split = splitWords(line);
  if (!split.ok) throw new Error(split.problem);
  return split.words;
};

describe("splitting a command line into words", () => {
  it("splits at runs of blanks", () => {
    expect(words("  kafka-topics.sh\t--list   --bootstrap-server broker-1:9092 ")).toEqual([
      "kafka-topics.sh",
      "--list",
      "--bootstrap-server",
      "broker-1:9092",
    ]);
    expect(words("")).toEqual([]);
    expect(words("   ")).toEqual([]);
  });

  it("keeps single-quoted text literally, backslashes and double quotes included", () => {
    expect(words(`--property 'key.separator=\\t' 'say "hi"'`)).toEqual([
      "--property",
      "key.separator=\\t",
      'say "hi"',
    ]);
  });

  it('lets a backslash escape only " \\ $ ` inside double quotes', () => {
    expect(words(`"a \\"b\\" \\\\ \\$x \\n"`)).toEqual([`a "b" \\ $x \\n`]);
  });

  it("joins quoted and unquoted parts of one word, and keeps empty quoted words", () => {
    expect(words(`--config='retention.ms'=1000 "" x''y`)).toEqual([
      "--config=retention.ms=1000",
      "",
      "xy",
    ]);
  });

  it("escapes one character with a backslash outside quotes; backslash-newline joins lines", () => {
    expect(words("a\\ b c\\'d")).toEqual(["a b", "c'd"]);
    expect(words("kafka-topics.sh --list \\\n  --bootstrap-server b:1")).toEqual([
      "kafka-topics.sh",
      "--list",
      "--bootstrap-server",
      "b:1",
    ]);
  });

  it("drops a comment that starts a word, not a # inside one", () => {
    expect(words("kafka-topics --list # every topic")).toEqual(["kafka-topics", "--list"]);
    expect(words("a#b")).toEqual(["a#b"]);
    expect(words("# only a comment")).toEqual([]);
  });

  it("names what is wrong with an unterminated quote or a trailing backslash", () => {
    expect(splitWords("kafka-topics --topic 'orders")).toEqual({
      ok: false,
      problem: "unterminated-single-quote",
    });
    expect(splitWords('echo "half')).toEqual({ ok: false, problem: "unterminated-double-quote" });
    expect(splitWords("echo done\\")).toEqual({ ok: false, problem: "trailing-backslash" });
  });
});

describe("scanning the line being typed", () => {
  it("gives the finished words and the open one with where it starts", () => {
    const scan = scanWords("kafka-topics --topic 'ord");
    expect(scan.words.map((word) => word.value)).toEqual(["kafka-topics", "--topic"]);
    expect(scan.open).toEqual({ value: "ord", start: 21 });
    expect(scan.quote).toBe("'");
    expect(scanWords("kafka-topics ").open).toBeNull();
  });
});

describe("quoting a word", () => {
  it("leaves plain words alone and single-quotes the rest so they split back the same", () => {
    expect(quoteWord("broker-1/orders-0/00000000000000000000.log")).toBe(
      "broker-1/orders-0/00000000000000000000.log",
    );
    expect(quoteWord("retention.ms=")).toBe("retention.ms=");
    for (const value of ["a b", "it's", "", "$HOME", 'say "x"']) {
      expect(words(quoteWord(value))).toEqual([value]);
    }
  });
});

describe("pasted text", () => {
  it("is one command per line, continuations joined, no empty last line", () => {
    expect(
      pastedLines(
        "bin/kafka-topics.sh --create --topic quickstart-events \\\r\n    --bootstrap-server localhost:9092\nhello\n",
      ),
    ).toEqual([
      "bin/kafka-topics.sh --create --topic quickstart-events  --bootstrap-server localhost:9092",
      "hello",
    ]);
    expect(pastedLines("one")).toEqual(["one"]);
  });
});
