/**
 * Where a line of help text may wrap, as Java's line BreakIterator (which Kafka's option
 * parser wraps descriptions with) decides for the text Kafka's tools print: after spaces;
 * after a hyphen, a dot, a colon or a slash that is followed by a letter ("print-|data-log",
 * "kafka.|serializer.|Decoder", "HOST1:|PORT1"); and before an opening parenthesis that
 * follows a letter ("server|(s)"). Each word keeps the spaces after it.
 */

const LETTER = /\p{L}/u;
const SPACE = /\s/u;
const BREAK_AFTER_BEFORE_A_LETTER = new Set(["-", ".", ":", "/"]);

function isBreakBetween(previous: string, next: string): boolean {
  if (SPACE.test(previous)) return !SPACE.test(next);
  if (BREAK_AFTER_BEFORE_A_LETTER.has(previous)) return LETTER.test(next);
  return next === "(" && LETTER.test(previous);
}

/** The words of `line`: concatenated, they give `line` back. */
export function lineBreakWords(line: string): string[] {
  const characters = [...line];
  const words: string[] = [];
  let word = "";
  for (let index = 0; index < characters.length; index++) {
    const character = characters[index]!;
    if (index > 0 && isBreakBetween(characters[index - 1]!, character)) {
      words.push(word);
      word = "";
    }
    word += character;
  }
  if (word !== "") words.push(word);
  return words;
}
