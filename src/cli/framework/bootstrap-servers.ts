/**
 * The bootstrap list a tool was given: Kafka's ToolsUtils.validateBootstrapServer check
 * (every comma-separated entry must end in ":<port>"), and the list as the client's
 * bootstrap.servers takes it (entries trimmed, empty ones dropped, as ClientUtils does).
 */

/** Utils.getPort's pattern: anything, an optional bracketed host, then ":" and digits. */
const HOST_PORT = /^.*?\[?[0-9a-zA-Z\-%._:]*\]?:[0-9]+$/;

/** The IllegalArgumentException message for a bad list (ending in a newline, as Kafka's does), or null. */
export function bootstrapServerProblem(list: string | undefined): string | null {
  if (list === undefined || list.trim() === "") {
    return "Error while validating the bootstrap address\n";
  }
  const entries = list.split(",");
  if (!entries.every((entry) => HOST_PORT.test(entry))) {
    return "Please provide valid host:port like host1:9091,host2:9092\n";
  }
  return null;
}

/** `host1:9092, host2:9092` → ["host1:9092", "host2:9092"]. */
export function bootstrapList(list: string): string[] {
  return list
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
}
