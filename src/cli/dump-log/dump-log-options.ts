/**
 * kafka-dump-log's options, named, described and defaulted as Kafka's DumpLogSegments
 * declares them, for the ones this tool supports (not the key/value decoder classes, the
 * transaction log decoder or the remote log metadata decoder).
 */
import { OptionParser, type ParsedOptions } from "../framework/option-parser.ts";
import { MAX_BYTES_UNLIMITED } from "./dump-data-log.ts";
import {
  clusterMetadataParser,
  offsetsParser,
  stringParser,
  type MessageParser,
} from "./message-parsers.ts";

export const DUMP_LOG_DESCRIPTION =
  "This tool helps to parse a log file and dump its contents to the console, useful for debugging a seemingly corrupt log segment.";

export interface DumpLogOptions {
  files: string[];
  printDataLog: boolean;
  deepIteration: boolean;
  skipRecordMetadata: boolean;
  verifyOnly: boolean;
  indexSanityOnly: boolean;
  maxMessageSize: number;
  maxBytes: number;
  parser: MessageParser;
}

export function dumpLogOptionParser(): OptionParser {
  return new OptionParser([
    {
      name: "print-data-log",
      description:
        "If set, printing the messages content when dumping data logs. Automatically set if any decoder option is specified.",
    },
    {
      name: "verify-index-only",
      description: "If set, just verify the index log without printing its content.",
    },
    {
      name: "index-sanity-check",
      description:
        "If set, just checks the index sanity without printing its content. This is the same check that is executed on broker startup to determine if an index needs rebuilding or not.",
    },
    {
      name: "files",
      description: "REQUIRED: The comma separated list of data and index log files to be dumped.",
      argument: { required: true, describedAs: "file1, file2, ..." },
    },
    {
      name: "max-message-size",
      description: "Size of largest message.",
      argument: {
        required: true,
        describedAs: "size",
        type: "Integer",
        defaultValue: String(5 * 1024 * 1024),
      },
    },
    {
      name: "max-bytes",
      description:
        "Limit the amount of total batches read in bytes avoiding reading the whole .log file(s).",
      argument: {
        required: true,
        describedAs: "size",
        type: "Integer",
        defaultValue: String(MAX_BYTES_UNLIMITED),
      },
    },
    {
      name: "deep-iteration",
      description:
        "If set, uses deep instead of shallow iteration. Automatically set if print-data-log is enabled.",
    },
    {
      name: "offsets-decoder",
      description:
        "If set, log data will be parsed as offset data from the __consumer_offsets topic.",
    },
    {
      name: "cluster-metadata-decoder",
      description: "If set, log data will be parsed as cluster metadata records.",
    },
    {
      name: "skip-record-metadata",
      description: "Whether to skip printing metadata for each record.",
    },
  ]);
}

export function dumpLogOptions(options: ParsedOptions): DumpLogOptions {
  const decoders = ["offsets-decoder", "cluster-metadata-decoder"];
  const printDataLog = options.has("print-data-log") || decoders.some((name) => options.has(name));
  return {
    // Kafka splits on "," and keeps empty names, each of which it then fails to dump.
    files: (options.valueOf("files") ?? "").split(","),
    printDataLog,
    deepIteration: options.has("deep-iteration") || printDataLog,
    skipRecordMetadata: options.has("skip-record-metadata"),
    verifyOnly: options.has("verify-index-only"),
    indexSanityOnly: options.has("index-sanity-check"),
    maxMessageSize: options.numberOf("max-message-size")!,
    maxBytes: options.numberOf("max-bytes")!,
    parser: options.has("offsets-decoder")
      ? offsetsParser
      : options.has("cluster-metadata-decoder")
        ? clusterMetadataParser
        : stringParser,
  };
}
