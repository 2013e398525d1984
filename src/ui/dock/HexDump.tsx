/** A frame's bytes as hex, 16 to a row with offsets, the way packet tools show them. */
const BYTES_PER_ROW = 16;

function hex(value: number, width: number): string {
  return value.toString(16).padStart(width, "0");
}

export function HexDump({ bytes, label }: { bytes: Uint8Array; label: string }) {
  const rows: string[] = [];
  for (let at = 0; at < bytes.length; at += BYTES_PER_ROW) {
    const chunk = [...bytes.subarray(at, at + BYTES_PER_ROW)];
    const text = chunk.map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : "·")).join("");
    rows.push(`${hex(at, 4)}  ${chunk.map((b) => hex(b, 2)).join(" ").padEnd(BYTES_PER_ROW * 3 - 1)}  ${text}`);
  }
  return (
    <pre className="hex-dump" aria-label={label} tabIndex={0}>
      {rows.join("\n")}
    </pre>
  );
}
