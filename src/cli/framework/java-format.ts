/**
 * What Java's formatting prints, for the tools whose output people parse: printf's "%.Nf"
 * (the double's shortest decimal digits rounded half up, so 1.005 prints 1.01 where JS's
 * toFixed prints 1.00; NaN and Infinity spelled out) and SimpleDateFormat's patterns
 * (`yyyy-MM-dd HH:mm:ss:SSS`). Times are shown in UTC: a tool here has no time zone.
 */
import { JavaException } from "./java-exception.ts";

/** The sign, the significant digits and where the decimal point goes (value = 0.digits × 10^point). */
interface DecimalDigits {
  negative: boolean;
  digits: string;
  point: number;
}

/** The shortest digits that read back as `value` (as Java's Double.toString picks them). */
function shortestDigits(value: number): DecimalDigits {
  const negative = value < 0 || Object.is(value, -0);
  const [mantissa, exponentText] = Math.abs(value).toExponential().split("e");
  const [whole, fraction = ""] = mantissa!.split(".");
  const digits = `${whole}${fraction}`.replace(/0+$/, "") || "0";
  return { negative, digits, point: Number(exponentText) + 1 };
}

/** Adds one to the last digit of `digits` (which may carry into a new leading digit). */
function incremented(digits: string): { digits: string; carried: boolean } {
  const chars = [...digits];
  for (let index = chars.length - 1; index >= 0; index--) {
    if (chars[index] !== "9") {
      chars[index] = String(Number(chars[index]) + 1);
      return { digits: chars.join(""), carried: false };
    }
    chars[index] = "0";
  }
  return { digits: `1${chars.join("")}`, carried: true };
}

/** Java's `String.format("%.<fractionDigits>f", value)`. */
export function formatFixed(value: number, fractionDigits: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
  const { negative, digits, point } = shortestDigits(value);
  // Digits as a whole number of units of 10^-fractionDigits, rounded half up.
  const kept = point + fractionDigits;
  let units: string;
  if (kept < 0) units = "0";
  else if (kept >= digits.length) units = digits + "0".repeat(kept - digits.length);
  else {
    units = digits.slice(0, kept) || "0";
    if (Number(digits[kept]) >= 5) units = incremented(units).digits;
  }
  units = units.padStart(fractionDigits + 1, "0");
  const whole = units.slice(0, units.length - fractionDigits).replace(/^0+(?=\d)/, "");
  const fraction = units.slice(units.length - fractionDigits);
  const text = fractionDigits === 0 ? whole : `${whole}.${fraction}`;
  // Java keeps the sign of a negative value that rounds to zero ("-0.00").
  return negative ? `-${text}` : text;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** A bad pattern, worded as Java's SimpleDateFormat constructor words it. */
const illegalPattern = (message: string) => new JavaException("IllegalArgumentException", message);

function field(letter: string, count: number, date: Date): string {
  const pad = (number: number) => String(number).padStart(count, "0");
  switch (letter) {
    case "y": {
      const year = date.getUTCFullYear();
      return count === 2 ? String(year % 100).padStart(2, "0") : pad(year);
    }
    case "M": {
      const month = date.getUTCMonth();
      if (count >= 4) return MONTHS[month]!;
      if (count === 3) return MONTHS[month]!.slice(0, 3);
      return pad(month + 1);
    }
    case "d":
      return pad(date.getUTCDate());
    case "E":
      return count >= 4 ? DAYS[date.getUTCDay()]! : DAYS[date.getUTCDay()]!.slice(0, 3);
    case "H":
      return pad(date.getUTCHours());
    case "k":
      return pad(date.getUTCHours() === 0 ? 24 : date.getUTCHours());
    case "h":
      return pad(date.getUTCHours() % 12 === 0 ? 12 : date.getUTCHours() % 12);
    case "K":
      return pad(date.getUTCHours() % 12);
    case "a":
      return date.getUTCHours() < 12 ? "AM" : "PM";
    case "m":
      return pad(date.getUTCMinutes());
    case "s":
      return pad(date.getUTCSeconds());
    case "S":
      return pad(date.getUTCMilliseconds());
    case "z":
      return count >= 4 ? "Coordinated Universal Time" : "UTC";
    case "Z":
      return "+0000";
    case "X":
      return "Z";
    default:
      throw illegalPattern(`Illegal pattern character '${letter}'`);
  }
}

/** Checks `pattern` now, as `new SimpleDateFormat(pattern)` does; returns the formatter. */
export function simpleDateFormat(pattern: string): (epochMs: number) => string {
  const parts: ({ literal: string } | { letter: string; count: number })[] = [];
  for (let index = 0; index < pattern.length;) {
    const char = pattern[index]!;
    if (char === "'") {
      const end = pattern.indexOf("'", index + 1);
      if (end === -1) throw illegalPattern("Unterminated quote");
      // '' is a quote itself.
      parts.push({ literal: end === index + 1 ? "'" : pattern.slice(index + 1, end) });
      index = end + 1;
    } else if (/[A-Za-z]/.test(char)) {
      let count = 1;
      while (pattern[index + count] === char) count++;
      parts.push({ letter: char, count });
      index += count;
    } else {
      parts.push({ literal: char });
      index++;
    }
  }
  const probe = new Date(0);
  for (const part of parts) if ("letter" in part) field(part.letter, part.count, probe);
  return (epochMs) => {
    const date = new Date(epochMs);
    return parts
      .map((part) => ("literal" in part ? part.literal : field(part.letter, part.count, date)))
      .join("");
  };
}
