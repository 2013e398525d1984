/**
 * A bad setting or command-line argument: the message names the key and says what is
 * wrong. The mains print it and exit with status 1, as kafka-server-start does.
 */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}
