/**
 * The usage table Kafka's joptsimple-based tools print: an "Option" column and a
 * "Description" column, underlined with dashes, options sorted by name, descriptions
 * wrapped to an 80-character row with continuation lines indented by two, and every cell
 * padded to its column's width (trailing spaces included, as joptsimple prints them).
 */
import { lineBreakWords } from "./line-breaks.ts";

const OVERALL_WIDTH = 80;
const COLUMN_SEPARATOR_WIDTH = 2;
const CONTINUATION_INDENT = "  ";

export interface HelpRow {
  option: string;
  description: string;
}

/** `text` cut into pieces no wider than `width` where the words allow. */
function piecesOf(text: string, width: number): string[] {
  const pieces: string[] = [];
  for (const line of text.trim().split("\n")) {
    let piece = "";
    for (const word of lineBreakWords(line)) {
      if (piece.length + word.length > width) {
        pieces.push(piece.replace(/\s+$/u, ""));
        piece = CONTINUATION_INDENT + word;
      } else {
        piece += word;
      }
    }
    if (piece.length > 0) pieces.push(piece);
  }
  return pieces;
}

function widest(rows: readonly HelpRow[], column: keyof HelpRow): number {
  return rows.reduce((width, row) => Math.max(width, row[column].length), 0);
}

function columnWidths(rows: readonly HelpRow[]): { option: number; description: number } {
  const option = Math.min(
    Math.floor((OVERALL_WIDTH - COLUMN_SEPARATOR_WIDTH) / 2),
    widest(rows, "option"),
  );
  const description = Math.min(
    OVERALL_WIDTH - option - COLUMN_SEPARATOR_WIDTH,
    widest(rows, "description"),
  );
  return { option, description };
}

/** Rows wrapped to fit, then rendered as lines. */
export function renderHelpRows(rows: readonly HelpRow[]): string[] {
  const widths = columnWidths(rows);
  const fitted: HelpRow[] = [];
  for (const row of rows) {
    const options = piecesOf(row.option, widths.option);
    const descriptions = piecesOf(row.description, widths.description);
    for (let index = 0; index < Math.max(options.length, descriptions.length); index++) {
      fitted.push({ option: options[index] ?? "", description: descriptions[index] ?? "" });
    }
  }
  const final = columnWidths(fitted);
  const separator = " ".repeat(COLUMN_SEPARATOR_WIDTH);
  return fitted.map(
    (row) =>
      row.option.padEnd(final.option) + separator + row.description.padEnd(final.description),
  );
}

/** The two header rows, with joptsimple's "(* = required)" when an option is required. */
export function headerRows(anyRequired: boolean): HelpRow[] {
  return anyRequired
    ? [
        { option: "Option (* = required)", description: "Description" },
        { option: "---------------------", description: "-----------" },
      ]
    : [
        { option: "Option", description: "Description" },
        { option: "------", description: "-----------" },
      ];
}
