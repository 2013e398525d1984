/**
 * How a Kafka config is described: its name, type, default, the range of values it takes
 * and the broker-wide config it falls back to. Values travel as strings (as in
 * CreateTopics, DescribeConfigs and server.properties) and are checked here.
 */

export type ConfigType = "boolean" | "string" | "int" | "long" | "double" | "list";

export interface ConfigDefinition {
  name: string;
  type: ConfigType;
  /** Kafka's default, as the string DescribeConfigs reports. */
  defaultValue: string;
  /** The broker config that supplies the default (e.g. log.retention.ms for retention.ms). */
  brokerSynonym?: string;
  /** Allowed range for numbers (inclusive). */
  min?: number;
  max?: number;
  /** Allowed values for strings, or for each item of a list. */
  oneOf?: readonly string[];
}

export const INT_MAX = 2_147_483_647;
export const LONG_MAX = "9223372036854775807";

/** A clear sentence when `raw` is not a valid value for `definition`, else null. */
export function checkConfigValue(definition: ConfigDefinition, raw: string): string | null {
  const { name, type } = definition;
  const value = raw.trim();
  switch (type) {
    case "boolean":
      return /^(true|false)$/i.test(value) ? null : `${name} must be true or false, not "${raw}"`;
    case "int":
    case "long": {
      if (!/^-?\d+$/.test(value)) return `${name} must be a whole number, not "${raw}"`;
      const number = BigInt(value);
      const limit = type === "int" ? BigInt(INT_MAX) : BigInt(LONG_MAX);
      if (number > limit || number < -limit - 1n)
        return `${name} is out of range for a${type === "int" ? "n int" : " long"}: ${raw}`;
      return checkRange(definition, Number(number), raw);
    }
    case "double": {
      const number = Number(value);
      if (value === "" || !Number.isFinite(number)) return `${name} must be a number, not "${raw}"`;
      return checkRange(definition, number, raw);
    }
    case "list": {
      const items = value.split(",").map((item) => item.trim());
      if (definition.oneOf === undefined) return null;
      const bad = items.find((item) => !definition.oneOf!.includes(item));
      return bad === undefined
        ? null
        : `${name} takes ${definition.oneOf.join(", ")}; "${bad}" is not one of them`;
    }
    case "string":
      if (definition.oneOf !== undefined && !definition.oneOf.includes(value)) {
        return `${name} takes ${definition.oneOf.join(", ")}; "${raw}" is not one of them`;
      }
      return null;
  }
}

function checkRange(definition: ConfigDefinition, value: number, raw: string): string | null {
  if (definition.min !== undefined && value < definition.min)
    return `${definition.name} must be at least ${definition.min}, not ${raw}`;
  if (definition.max !== undefined && value > definition.max)
    return `${definition.name} must be at most ${definition.max}, not ${raw}`;
  return null;
}
