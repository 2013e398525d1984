/**
 * kafka-metadata-quorum (Kafka 3.7's MetadataQuorumCommand): `describe --status` and
 * `describe --replication [--human-readable]` of the KRaft quorum, reached through
 * --bootstrap-server (brokers, which in Kafka 3.7+ forward DescribeQuorum to the active
 * controller) or --bootstrap-controller (controllers, asked in turn until the leader
 * answers). Mistakes on the command line are argparse4j's; mistakes in use are Kafka's
 * one-line messages; failed calls print the exception as Kafka's tool does.
 */
import { parseBrokerAddress, type BrokerAddress } from "../../client/client-io.ts";
import { ArgParser, type ArgParserSpec, type ArgumentValues } from "../framework/arg-parser.ts";
import { FAILURE, SUCCESS } from "../framework/command-line-utils.ts";
import {
  describeException,
  JavaException,
  qualifiedExceptionName,
} from "../framework/java-exception.ts";
import type { Tool, ToolIo } from "../framework/tool.ts";
import type { AdminCallOptions } from "./admin-call.ts";
import { describeClusterId, describeMetadataQuorum } from "./quorum-calls.ts";
import {
  ClockDriftError,
  NoLeaderAmongVoters,
  replicationLines,
  statusLines,
} from "./quorum-info.ts";

const DESCRIPTION = "This tool describes kraft metadata quorum status.";
const CLIENT_ID = "adminclient-1";

const SPEC: ArgParserSpec = {
  prog: "kafka-metadata-quorum",
  description: DESCRIPTION,
  arguments: [],
  requiredGroup: {
    arguments: [
      {
        flag: "--bootstrap-server",
        help: "A comma-separated list of host:port pairs to use for establishing the connection to the Kafka cluster.",
        action: "store",
      },
      {
        flag: "--bootstrap-controller",
        help: "A comma-separated list of host:port pairs to use for establishing the connection to the Kafka controllers.",
        action: "store",
      },
    ],
  },
  commands: [
    {
      name: "describe",
      help: "Describe the metadata quorum info",
      arguments: [
        {
          flag: "--status",
          help: "A short summary of the quorum status and the other provides detailed information about the status of replication.",
          action: "storeTrue",
        },
        {
          flag: "--replication",
          help: "Detailed information about the status of replication",
          action: "storeTrue",
        },
        { flag: "--human-readable", help: "Human-readable output", action: "storeTrue" },
      ],
    },
  ],
};

/** A message the Java tool prints alone (its TerseException). */
class TerseError extends Error {}

function bootstrapAddresses(list: string): BrokerAddress[] {
  return list
    .split(",")
    .filter((entry) => entry.trim() !== "")
    .map((entry) => {
      const address = parseBrokerAddress(entry);
      if ("error" in address) throw new JavaException("ConfigException", address.error);
      return address;
    });
}

async function describe(values: ArgumentValues, io: ToolIo): Promise<void> {
  const status = values.has("--status");
  const replication = values.has("--replication");
  const humanReadable = values.has("--human-readable");
  if (status && replication) {
    throw new TerseError(
      "Only one of --status or --replication should be specified with describe sub-command",
    );
  }
  if (!status && !replication) {
    throw new TerseError(
      "One of --status or --replication must be specified with describe sub-command",
    );
  }
  if (status && humanReadable) {
    throw new TerseError("The option --human-readable is only supported along with --replication");
  }
  const controllers = values.get("--bootstrap-controller");
  const call: AdminCallOptions = {
    io: io.connect,
    bootstrap: bootstrapAddresses(String(controllers ?? values.get("--bootstrap-server"))),
    clientId: CLIENT_ID,
  };
  if (status) {
    const clusterId = await describeClusterId(call, controllers !== undefined);
    const quorum = await describeMetadataQuorum(call);
    for (const line of statusLines(clusterId, quorum)) io.out(line);
    return;
  }
  const quorum = await describeMetadataQuorum(call);
  const nowMs = humanReadable ? BigInt(io.connect.nowMs()) : null;
  for (const line of replicationLines(quorum, nowMs)) io.out(line);
}

/**
 * What Kafka prints for an exception that ends the tool: its message, then its stack trace
 * (here only the first line, the exception itself). A failed Admin call arrives wrapped in
 * an ExecutionException, whose message is its cause.
 */
function failureLines(error: unknown): string[] {
  if (error instanceof NoLeaderAmongVoters || error instanceof ClockDriftError) {
    return [error.message, describeException(error)];
  }
  if (error instanceof JavaException) {
    const cause = describeException(error);
    return [cause, `${qualifiedExceptionName("ExecutionException")}: ${cause}`];
  }
  throw error;
}

async function runMetadataQuorum(args: readonly string[], io: ToolIo): Promise<number> {
  const parsed = new ArgParser(SPEC).parse(args, io);
  if (!parsed.ok) return parsed.exitCode;
  try {
    await describe(parsed.parsed.values, io);
    return SUCCESS;
  } catch (error) {
    if (error instanceof TerseError) {
      io.err(error.message);
      return FAILURE;
    }
    for (const line of failureLines(error)) for (const part of line.split("\n")) io.err(part);
    return FAILURE;
  }
}

export const metadataQuorumTool: Tool = {
  name: "kafka-metadata-quorum",
  usage: DESCRIPTION,
  run: runMetadataQuorum,
  commandLine: () => new ArgParser(SPEC).commandLine(),
};
