/**
 * kafka-leader-election's command line, as Kafka's LeaderElectionCommandOptions declares
 * and checks it: --bootstrap-server and --election-type are required, and exactly one of
 * --topic (with --partition), --all-topic-partitions or --path-to-json-file names the
 * partitions. Its checks fail with AdminCommandFailedException, as Kafka's do.
 *
 * Not here: --admin.config and --command-config (no properties files for the Admin client
 * yet, as in the other tools).
 */
import { ElectionType } from "../../client/admin/admin-types.ts";
import { JavaException } from "../framework/java-exception.ts";
import {
  flag,
  OptionParser,
  withValue,
  type OptionSpec,
  type ParsedOptions,
} from "../framework/option-parser.ts";

export const LEADER_ELECTION_DESCRIPTION =
  "This tool attempts to elect a new leader for a set of topic partitions. The type of elections supported are preferred replicas and unclean replicas.";

/** ElectionType's constants, as joptsimple's EnumConverter shows and matches them. */
const ELECTION_TYPES = ["PREFERRED", "UNCLEAN"] as const;
export type ElectionTypeName = (typeof ELECTION_TYPES)[number];

const OPTIONS: OptionSpec[] = [
  withValue(
    "bootstrap-server",
    "A hostname and port for the broker to connect to, in the form host:port. Multiple comma separated URLs can be given. REQUIRED.",
    "host:port",
  ),
  withValue(
    "path-to-json-file",
    'The JSON file with the list  of partition for which leader elections should be performed. This is an example format. \n{"partitions":\n\t[{"topic": "foo", "partition": 1},\n\t {"topic": "foobar", "partition": 2}]\n}\nNot allowed if --all-topic-partitions or --topic flags are specified.',
    "Path to JSON file",
  ),
  withValue(
    "topic",
    "Name of topic for which to perform an election. Not allowed if --path-to-json-file or --all-topic-partitions is specified.",
    "topic name",
  ),
  withValue(
    "partition",
    "Partition id for which to perform an election. REQUIRED if --topic is specified.",
    "partition id",
    "Integer",
  ),
  flag(
    "all-topic-partitions",
    "Perform election on all of the eligible topic partitions based on the type of election (see the --election-type flag). Not allowed if --topic or --path-to-json-file is specified.",
  ),
  // Converted after the checks, as joptsimple converts an enum when the tool asks for it.
  withValue(
    "election-type",
    'Type of election to attempt. Possible values are "preferred" for preferred leader election or "unclean" for unclean leader election. If preferred election is selection, the election is only performed if the current leader is not the preferred leader for the topic partition. If unclean election is selected, the election is only performed if there are no leader for the topic partition. REQUIRED.',
    "election type",
  ),
];

export function leaderElectionParser(): OptionParser {
  return new OptionParser(OPTIONS);
}

function commandFailed(message: string): JavaException {
  return new JavaException("AdminCommandFailedException", message);
}

/** LeaderElectionCommandOptions.validate: throws what Kafka's tool throws for a bad combination. */
export function validateLeaderElection(options: ParsedOptions): void {
  const missing = ["bootstrap-server", "election-type"].filter((name) => !options.has(name));
  if (missing.length > 0) throw commandFailed(`Missing required option(s): ${missing.join(", ")}`);
  const exclusive = ["topic", "all-topic-partitions", "path-to-json-file"];
  if (exclusive.filter((name) => options.has(name)).length !== 1) {
    throw commandFailed(
      `One and only one of the following options is required: ${exclusive.join(", ")}`,
    );
  }
  if (options.has("topic") && !options.has("partition"))
    throw commandFailed("Missing required option(s): partition");
  if (!options.has("topic") && options.has("partition"))
    throw commandFailed("Option partition is only allowed if topic is used");
}

/** --election-type as joptsimple's EnumConverter reads it: a constant's name in any case. */
export function electionTypeOf(options: ParsedOptions): {
  name: ElectionTypeName;
  id: number;
} {
  const value = options.valueOf("election-type")!;
  const name = ELECTION_TYPES.find((type) => type === value.toUpperCase());
  if (name === undefined) {
    throw new JavaException(
      "joptsimple.OptionArgumentConversionException",
      `Cannot parse argument '${value}' of option election-type`,
    );
  }
  return { name, id: ElectionType[name] };
}
