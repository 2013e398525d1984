import { describe, expect, it } from "vitest";
import { encoded, text } from "../../protocol/records/testing/encoded-batch.ts";
import { BATCH_HEADER_BYTES, BATCH_HEADER_FIELDS, hexRow, hexRowCount } from "./hex-rows.ts";

describe("hex rows", () => {
  it("lays the batch header's fields end to end over its 61 bytes", () => {
    const last = BATCH_HEADER_FIELDS[BATCH_HEADER_FIELDS.length - 1]!;
    expect(last.name).toBe("recordsCount");
    expect(last.start + last.length).toBe(BATCH_HEADER_BYTES);
    expect(BATCH_HEADER_FIELDS.find((field) => field.name === "magic")!.start).toBe(16);
  });

  it("shows 16 bytes a row with offsets, ASCII and header fields", () => {
    const batch = encoded({ records: [{ key: text("k"), value: text("hello"), timestamp: 1n }] });
    expect(hexRowCount(batch.length)).toBe(Math.ceil(batch.length / 16));
    const first = hexRow(batch, 1, { batchHeader: true });
    expect(first.offset).toBe("0010");
    expect(first.cells[0]).toEqual({ hex: "02", ascii: "·", field: 3 }); // magic 2 at byte 16
    const lastRow = hexRow(batch, hexRowCount(batch.length) - 1, { batchHeader: true });
    expect(lastRow.cells.length).toBe(batch.length % 16 || 16);
    expect(lastRow.cells.every((cell) => cell.field === null)).toBe(true);
    const asText = [...Array(hexRowCount(batch.length)).keys()]
      .flatMap((row) => hexRow(batch, row, { batchHeader: false }).cells.map((cell) => cell.ascii))
      .join("");
    expect(asText).toContain("hello");
    expect(hexRow(batch, 0, { batchHeader: false }).cells[0]!.field).toBeNull();
  });
});
