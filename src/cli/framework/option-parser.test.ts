import { describe, expect, it } from "vitest";
import { capturedIo } from "../testing/captured-io.ts";
import {
  invalidArgumentCombination,
  maybePrintHelpOrVersion,
  missingRequiredArgument,
  parseKeyValueArgs,
  printOptionException,
} from "./command-line-utils.ts";
import { OptionParser, type ParseOutcome } from "./option-parser.ts";

/** Kafka 2.x kafka-dump-log's options, whose usage Kafka's documentation shows verbatim (below). */
const KAFKA_2_DUMP_LOG = new OptionParser([
  {
    name: "deep-iteration",
    description:
      "if set, uses deep instead of shallow iteration. Automatically set if print-data-log is enabled.",
  },
  {
    name: "files",
    description: "REQUIRED: The comma separated list of data and index log files to be dumped.",
    argument: { required: true, describedAs: "file1, file2, ..." },
  },
  {
    name: "index-sanity-check",
    description:
      "if set, just checks the index sanity without printing its content. This is the same check that is executed on broker startup to determine if an index needs rebuilding or not.",
  },
  {
    name: "key-decoder-class",
    description:
      "if set, used to deserialize the keys. This class should implement kafka.serializer.Decoder trait. Custom jar should be available in kafka/libs directory.",
    argument: { required: false, defaultValue: "kafka.serializer.StringDecoder" },
  },
  {
    name: "max-message-size",
    description: "Size of largest message.",
    argument: { required: true, describedAs: "size", type: "Integer", defaultValue: "5242880" },
  },
  {
    name: "offsets-decoder",
    description:
      "if set, log data will be parsed as offset data from the __consumer_offsets topic.",
  },
  {
    name: "print-data-log",
    description:
      "if set, printing the messages content when dumping data logs. Automatically set if any decoder option is specified.",
  },
  {
    name: "transaction-log-decoder",
    description:
      "if set, log data will be parsed as transaction metadata from the __transaction_state topic.",
  },
  {
    name: "value-decoder-class",
    description:
      "if set, used to deserialize the messages. This class should implement kafka.serializer.Decoder trait. Custom jar should be available in kafka/libs directory.",
    argument: { required: false, defaultValue: "kafka.serializer.StringDecoder" },
  },
  {
    name: "verify-index-only",
    description: "if set, just verify the index log without printing its content.",
  },
]);

const KAFKA_2_DUMP_LOG_USAGE = `
Option                               Description
------                               -----------
--deep-iteration                     if set, uses deep instead of shallow
                                       iteration. Automatically set if print-
                                       data-log is enabled.
--files <String: file1, file2, ...>  REQUIRED: The comma separated list of data
                                       and index log files to be dumped.
--help                               Print usage information.
--index-sanity-check                 if set, just checks the index sanity
                                       without printing its content. This is
                                       the same check that is executed on
                                       broker startup to determine if an index
                                       needs rebuilding or not.
--key-decoder-class [String]         if set, used to deserialize the keys. This
                                       class should implement kafka.serializer.
                                       Decoder trait. Custom jar should be
                                       available in kafka/libs directory.
                                       (default: kafka.serializer.StringDecoder)
--max-message-size <Integer: size>   Size of largest message. (default: 5242880)
--offsets-decoder                    if set, log data will be parsed as offset
                                       data from the __consumer_offsets topic.
--print-data-log                     if set, printing the messages content when
                                       dumping data logs. Automatically set if
                                       any decoder option is specified.
--transaction-log-decoder            if set, log data will be parsed as
                                       transaction metadata from the
                                       __transaction_state topic.
--value-decoder-class [String]       if set, used to deserialize the messages.
                                       This class should implement kafka.
                                       serializer.Decoder trait. Custom jar
                                       should be available in kafka/libs
                                       directory. (default: kafka.serializer.
                                       StringDecoder)
--verify-index-only                  if set, just verify the index log without
                                       printing its content.
--version                            Display Kafka version.`
  .trim()
  .split("\n");

const parser = new OptionParser([
  {
    name: "bootstrap-server",
    description: "REQUIRED: The Kafka server to connect to.",
    argument: { required: true, describedAs: "server to connect to" },
  },
  { name: "topic", description: "The topic.", argument: { required: true, describedAs: "topic" } },
  {
    name: "property",
    description: "A mechanism to pass user-defined properties.",
    argument: { required: true, describedAs: "prop" },
    repeatable: true,
  },
  {
    name: "partitions",
    description: "The number of partitions.",
    argument: { required: true, type: "Integer" },
  },
  {
    name: "timeout",
    description: "Timeout.",
    argument: { required: false, type: "Long", defaultValue: "30000" },
  },
  { name: "create", description: "Create a new topic." },
  { name: "delete", description: "Delete a topic." },
]);

function parsed(outcome: ParseOutcome) {
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.options;
}

describe("the option parser", () => {
  it("renders the usage table exactly as Kafka's joptsimple does, wrapping where Java's line breaker would", () => {
    const lines = KAFKA_2_DUMP_LOG.helpLines();
    expect(lines.map((line) => line.trimEnd())).toEqual(KAFKA_2_DUMP_LOG_USAGE);
    // Every cell is padded to its column, so every row is as wide as the table.
    expect(new Set(lines.map((line) => line.length))).toEqual(new Set([80]));
  });

  it("reads --flag value, --flag=value, -flag, flags and words that are not options", () => {
    const options = parsed(
      parser.parse([
        "--bootstrap-server",
        "localhost:9092",
        "--topic=orders",
        "-create",
        "extra",
        "--partitions",
        "3",
      ]),
    );
    expect(options.valueOf("bootstrap-server")).toBe("localhost:9092");
    expect(options.valueOf("topic")).toBe("orders");
    expect(options.has("create")).toBe(true);
    expect(options.has("delete")).toBe(false);
    expect(options.numberOf("partitions")).toBe(3);
    expect(options.nonOptionArguments).toEqual(["extra"]);
    expect(options.valueOf("timeout")).toBe("30000");
  });

  it("collects a repeated option in order, and parses key=value properties as Kafka does", () => {
    const options = parsed(
      parser.parse([
        "--property",
        "print.key=true",
        "--property=key.separator==",
        "--property",
        "flag",
      ]),
    );
    expect(options.valuesOf("property")).toEqual(["print.key=true", "key.separator==", "flag"]);
    expect([...parseKeyValueArgs(options.valuesOf("property"))]).toEqual([
      ["print.key", "true"],
      ["key.separator", "="],
      ["flag", ""],
    ]);
  });

  it("takes the next word for a required argument even when it looks like an option, but not for an optional one", () => {
    expect(parsed(parser.parse(["--topic", "--create"])).valueOf("topic")).toBe("--create");
    const options = parsed(parser.parse(["--timeout", "--create"]));
    expect(options.has("timeout")).toBe(true);
    expect(options.valueOf("timeout")).toBe("30000");
    expect(options.has("create")).toBe(true);
    expect(parsed(parser.parse(["--", "--create"])).nonOptionArguments).toEqual(["--create"]);
  });

  it("fails with joptsimple's exception and message for each kind of bad command line", () => {
    const errorOf = (args: string[]) => {
      const outcome = parser.parse(args);
      return outcome.ok ? null : outcome.error;
    };
    expect(errorOf(["--nope"])).toEqual({
      exceptionClass: "joptsimple.UnrecognizedOptionException",
      message: "nope is not a recognized option",
    });
    expect(errorOf(["--bootstrap"])?.message).toBe("bootstrap is not a recognized option"); // no abbreviations
    expect(errorOf(["-xyz"])?.message).toBe("x is not a recognized option");
    expect(errorOf(["--topic"])).toEqual({
      exceptionClass: "joptsimple.OptionMissingRequiredArgumentException",
      message: "Option topic requires an argument",
    });
    expect(errorOf(["--partitions", "three"])).toEqual({
      exceptionClass: "joptsimple.OptionArgumentConversionException",
      message: "Cannot parse argument 'three' of option partitions",
    });
    expect(errorOf(["--partitions", "2147483648"])?.message).toBe(
      "Cannot parse argument '2147483648' of option partitions",
    );
    expect(errorOf(["--topic", "a", "--topic", "b"])).toEqual({
      exceptionClass: "joptsimple.MultipleArgumentsForOptionException",
      message: "Found multiple arguments for option topic, but you asked for only one",
    });
  });

  it("reports a required option (joptsimple's required()) unless help is asked for", () => {
    const strict = new OptionParser([
      { name: "topic", description: "The topic.", argument: { required: true }, required: true },
    ]);
    const outcome = strict.parse([]);
    expect(outcome.ok ? null : outcome.error.message).toBe("Missing required option(s) [topic]");
    expect(strict.parse(["--help"]).ok).toBe(true);
    expect(strict.helpLines()[0]).toMatch(/^Option \(\* = required\) +Description/);
    expect(strict.helpLines()[1]).toMatch(/^-{21} +-{11}/);
    expect(strict.helpLines().some((line) => line.startsWith("* --topic <String>"))).toBe(true);
  });
});

describe("CommandLineUtils", () => {
  it("prints a bad option as the uncaught exception, then the usage, and fails", () => {
    const { io, out, err } = capturedIo();
    const outcome = parser.parse(["--nope"]);
    if (outcome.ok) throw new Error("expected a failure");
    expect(printOptionException(io, parser, outcome.error)).toBe(1);
    expect(out).toEqual([]);
    expect(err[0]).toBe(
      'Exception in thread "main" joptsimple.UnrecognizedOptionException: nope is not a recognized option',
    );
    expect(err.slice(1)).toEqual(parser.helpLines());
  });

  it("shows the description and usage for no arguments and --help (exit 1), the version for --version (exit 0)", () => {
    for (const args of [[], ["--help"]]) {
      const { io, out, err } = capturedIo();
      expect(
        maybePrintHelpOrVersion(
          io,
          parser,
          args,
          parsed(parser.parse(args)),
          "This tool does things.",
        ),
      ).toBe(1);
      expect(out).toEqual([]);
      expect(err).toEqual(["This tool does things.", ...parser.helpLines()]);
    }
    const { io, out } = capturedIo();
    expect(
      maybePrintHelpOrVersion(io, parser, ["--version"], parsed(parser.parse(["--version"])), "x"),
    ).toBe(0);
    expect(out).toEqual(["0.1.0"]);
    const goOn = capturedIo();
    expect(
      maybePrintHelpOrVersion(
        goOn.io,
        parser,
        ["--create"],
        parsed(parser.parse(["--create"])),
        "x",
      ),
    ).toBeNull();
  });

  it("words missing and clashing options as Kafka does", () => {
    const options = parsed(parser.parse(["--create", "--delete"]));
    expect(missingRequiredArgument(options, ["bootstrap-server"])).toBe(
      'Missing required argument "[bootstrap-server]"',
    );
    expect(missingRequiredArgument(options, ["create"])).toBeNull();
    expect(invalidArgumentCombination(options, "create", ["topic", "delete"])).toBe(
      'Option "[create]" can\'t be used with option "[delete]"',
    );
    expect(invalidArgumentCombination(options, "topic", ["delete"])).toBeNull();
  });
});
