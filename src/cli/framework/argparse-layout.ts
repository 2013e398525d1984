/**
 * How argparse4j lays out its usage and help, for every argparse4j tool here
 * (kafka-producer-perf-test, kafka-metadata-quorum): the usage's words wrapped at 75
 * columns under the first word after the program's name, and each argument's help text in
 * a column at 25, on the title's line when the title leaves room, else on the lines below.
 */

export const FORMAT_WIDTH = 75;
const HELP_COLUMN = 25;

/** Words laid out after `prefix` ("usage: prog"), wrapping under the first word. */
export function usageLines(prefix: string, words: readonly string[]): string[] {
  const indent = " ".repeat(prefix.length);
  const lines: string[] = [];
  let line = prefix;
  words.forEach((word, index) => {
    if (index > 0 && line.length + word.length + 1 > FORMAT_WIDTH) {
      lines.push(line);
      line = `${indent} ${word}`;
    } else line += ` ${word}`;
  });
  lines.push(line);
  return lines;
}

/** `text`'s words filled into lines of at most `width` characters. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((each) => each !== "")) {
    if (line !== "" && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** One help entry: `title` indented by two, its help text in the column at 25. */
export function helpEntry(title: string, help: string): string[] {
  const helpLines = wrap(help, FORMAT_WIDTH - HELP_COLUMN);
  const titled = `  ${title}`;
  const column = " ".repeat(HELP_COLUMN);
  if (titled.length < HELP_COLUMN - 1 && helpLines.length > 0) {
    return [
      titled.padEnd(HELP_COLUMN) + helpLines[0],
      ...helpLines.slice(1).map((line) => column + line),
    ];
  }
  return [titled, ...helpLines.map((line) => column + line)];
}
