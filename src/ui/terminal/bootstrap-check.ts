/**
 * Addresses in a command line that are not this cluster's brokers. Kafka's documentation
 * says `localhost:9092`; here the brokers are `broker-<id>:9092`, and a tool given another
 * address waits for its timeout before it fails. The terminal says so before it runs.
 */
const BOOTSTRAP_FLAGS = ["--bootstrap-server", "--bootstrap-controller"];

/** The values of the bootstrap options, as `--flag value` or `--flag=value`, split at commas. */
function bootstrapAddresses(args: readonly string[]): string[] {
  const lists: string[] = [];
  args.forEach((word, index) => {
    if (BOOTSTRAP_FLAGS.includes(word) && index + 1 < args.length) lists.push(args[index + 1]!);
    const equals = word.indexOf("=");
    if (equals !== -1 && BOOTSTRAP_FLAGS.includes(word.slice(0, equals)))
      lists.push(word.slice(equals + 1));
  });
  return lists
    .flatMap((list) => list.split(","))
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
}

/** The addresses in the bootstrap options of `args` that are none of `brokers`. */
export function unknownBrokerAddresses(
  args: readonly string[],
  brokers: readonly string[],
): string[] {
  const known = new Set(brokers);
  return bootstrapAddresses(args).filter((address) => !known.has(address));
}
