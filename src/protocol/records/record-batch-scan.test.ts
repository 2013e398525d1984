import { describe, expect, it } from "vitest";
import { encoded, text } from "./testing/encoded-batch.ts";
import { iterateRecordBatches, scanRecordBatches } from "./record-batch.ts";

/** A segment of three batches at offsets 0, 3 and 5, as the log appends them. */
function segment(): { bytes: Uint8Array; sizes: number[] } {
  const batches = [
    encoded({
      baseOffset: 0n,
      records: [{ value: text("a") }, { value: text("b") }, { value: text("c") }],
    }),
    encoded({
      baseOffset: 3n,
      compression: "lz4",
      records: [{ value: text("d") }, { value: text("e") }],
    }),
    encoded({ baseOffset: 5n, records: [{ key: text("k"), value: text("f") }] }),
  ];
  const bytes = new Uint8Array(batches.reduce((sum, batch) => sum + batch.length, 0));
  let position = 0;
  for (const batch of batches) {
    bytes.set(batch, position);
    position += batch.length;
  }
  return { bytes, sizes: batches.map((batch) => batch.length) };
}

describe("scanning concatenated batches", () => {
  it("finds every batch with its position and offsets", () => {
    const { bytes, sizes } = segment();
    const scan = scanRecordBatches(bytes);
    expect(scan.problem).toBeNull();
    expect(scan.validBytes).toBe(bytes.length);
    expect(
      scan.batches.map((batch) => [batch.position, batch.baseOffset, batch.lastOffset]),
    ).toEqual([
      [0, 0n, 2n],
      [sizes[0], 3n, 4n],
      [sizes[0]! + sizes[1]!, 5n, 5n],
    ]);
  });

  it("reports a torn tail at every possible cut, keeping the whole batches before it", () => {
    const { bytes, sizes } = segment();
    const ends = [sizes[0]!, sizes[0]! + sizes[1]!, bytes.length];
    for (let cut = 1; cut < bytes.length; cut++) {
      const scan = scanRecordBatches(bytes.subarray(0, cut));
      const whole = ends.filter((end) => end <= cut);
      expect(scan.batches.length).toBe(whole.length);
      expect(scan.validBytes).toBe(whole.at(-1) ?? 0);
      if (cut === whole.at(-1)) {
        expect(scan.problem).toBeNull();
      } else {
        expect(scan.problem?.kind).toBe("torn-tail");
        expect(scan.problem?.position).toBe(scan.validBytes);
        expect(scan.problem?.trailingBytes).toBe(cut - scan.validBytes);
      }
    }
  });

  it("stops at a batch whose CRC is wrong and calls it corrupt", () => {
    const { bytes, sizes } = segment();
    bytes[sizes[0]! + 40]! ^= 0xff; // inside the second batch's CRC'd region
    const scan = scanRecordBatches(bytes);
    expect(scan.batches.length).toBe(1);
    expect(scan.validBytes).toBe(sizes[0]);
    expect(scan.problem?.kind).toBe("corrupt");
    expect(scan.problem?.error.kind).toBe("crc-mismatch");
    expect(scan.problem?.trailingBytes).toBe(bytes.length - sizes[0]!);
  });

  it("reads past a bad CRC when told not to verify (as a dump tool does)", () => {
    const { bytes, sizes } = segment();
    bytes[sizes[0]! + 40]! ^= 0xff;
    const scan = scanRecordBatches(bytes, { verifyCrc: false });
    expect(scan.problem).toBeNull();
    expect(scan.batches.length).toBe(3);
  });

  it("calls a nonsense length or a legacy magic corrupt, not torn", () => {
    const { bytes, sizes } = segment();
    const badLength = bytes.slice();
    new DataView(badLength.buffer).setInt32(sizes[0]! + 8, 3);
    expect(scanRecordBatches(badLength).problem?.error.kind).toBe("invalid-batch-length");
    const legacy = bytes.slice();
    legacy[sizes[0]! + 16] = 1;
    const scan = scanRecordBatches(legacy);
    expect(scan.problem?.kind).toBe("corrupt");
    expect(scan.problem?.error.kind).toBe("unsupported-magic");
  });

  it("iterates lazily from a start position to an end position", () => {
    const { bytes, sizes } = segment();
    const entries = [
      ...iterateRecordBatches(bytes, { start: sizes[0]!, end: sizes[0]! + sizes[1]! }),
    ];
    expect(entries.length).toBe(1);
    expect(entries[0]!.kind === "batch" && entries[0]!.header.baseOffset).toBe(3n);
    const scan = scanRecordBatches(bytes, { start: sizes[0]! });
    expect(scan.batches.length).toBe(2);
    expect(scan.validBytes).toBe(bytes.length - sizes[0]!);
  });

  it("treats an empty buffer as no batches and no problem", () => {
    expect(scanRecordBatches(new Uint8Array(0))).toEqual({
      batches: [],
      validBytes: 0,
      problem: null,
    });
  });
});
