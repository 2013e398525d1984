/**
 * The times --to-datetime and --by-duration name, read as Kafka reads them: Utils.getDateTime
 * ("YYYY-MM-DDTHH:mm:SS.sss", a zone of Z or ±hh[:mm] allowed, UTC without one) and
 * java.time.Duration.parse ("PnDTnHnMn.nS"). Unreadable text fails with Java's exception.
 */
import { JavaException } from "../framework/java-exception.ts";

const DATE_TIME =
  /^(\d{4})-(\d{1,2})-(\d{1,2})T(\d{1,2}):(\d{1,2}):(\d{1,2})\.(\d{1,3})(Z|[+-]\d{2}(?::?\d{2})?)$/;

function parseException(message: string): JavaException {
  return new JavaException("ParseException", message);
}

/** Epoch milliseconds of `timestamp`. */
export function parseDateTime(timestamp: string): number {
  const [, time] = timestamp.split("T");
  if (time === undefined) {
    throw parseException(
      "Error parsing timestamp. It does not contain a 'T' according to ISO8601 format",
    );
  }
  const zoned = /[+\-Z]/.test(time) ? timestamp : `${timestamp}Z`;
  const match = DATE_TIME.exec(zoned);
  if (match === null) throw parseException(`Unparseable date: "${zoned}"`);
  const [year, month, day, hour, minute, second, millis] = match.slice(1, 8).map(Number);
  const zone = match[8]!;
  let offsetMinutes = 0;
  if (zone !== "Z") {
    const digits = zone.slice(1).replace(":", "");
    const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || "0");
    offsetMinutes = zone.startsWith("-") ? -minutes : minutes;
  }
  const utc = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!, millis!);
  return utc - offsetMinutes * 60_000;
}

const DURATION =
  /^([-+]?)P(?:([-+]?\d+)D)?(?:T(?:([-+]?\d+)H)?(?:([-+]?\d+)M)?(?:([-+]?\d+)(?:[.,](\d{0,9}))?S)?)?$/i;

/** Milliseconds of an ISO-8601 duration, as Duration.parse reads it (a "T" needs a part after it). */
export function parseDurationMs(text: string): number {
  const match = DURATION.exec(text);
  const tooShort = text.toUpperCase().endsWith("T") || /^[-+]?P$/i.test(text);
  if (match === null || tooShort) {
    throw new JavaException("DateTimeParseException", "Text cannot be parsed to a Duration");
  }
  const [, sign, days, hours, minutes, seconds, fraction] = match;
  const part = (value: string | undefined) => (value === undefined ? 0 : Number(value));
  const secondsMs = part(seconds) * 1000;
  const fractionMs = fraction === undefined ? 0 : Number(`0.${fraction}`) * 1000;
  const signedFraction = seconds?.startsWith("-") ? -fractionMs : fractionMs;
  const total =
    part(days) * 86_400_000 +
    part(hours) * 3_600_000 +
    part(minutes) * 60_000 +
    secondsMs +
    signedFraction;
  return sign === "-" ? -total : total;
}
