/**
 * Bytes in hex, 16 to a row with offsets and ASCII, the way packet tools show them;
 * virtualised, so a large batch costs only the rows in view. For a record batch, the
 * header's bytes are tinted field by field (alternating), each named on hover.
 */
import { useCallback, useMemo } from "react";
import { BATCH_HEADER_FIELDS, hexRow, hexRowCount } from "./hex-rows.ts";
import { VirtualList } from "./VirtualList.tsx";

const ROW_HEIGHT = 18;

export function HexDump({
  bytes,
  label,
  batchHeader = false,
}: {
  bytes: Uint8Array;
  label: string;
  batchHeader?: boolean;
}) {
  const rows = useMemo(
    () => Array.from({ length: hexRowCount(bytes.length) }, (_, row) => row),
    [bytes],
  );
  const keyOf = useCallback((row: number) => row, []);
  const renderRow = useCallback(
    (row: number) => {
      const { offset, cells } = hexRow(bytes, row, { batchHeader });
      return (
        <>
          <span className="hex-offset">{offset}</span>
          <span className="hex-bytes">
            {cells.map((cell, at) => (
              <span
                key={at}
                className={
                  cell.field === null ? undefined : `hex-field hex-field-${cell.field % 2}`
                }
                title={cell.field === null ? undefined : BATCH_HEADER_FIELDS[cell.field]!.name}
              >
                {cell.hex}
              </span>
            ))}
          </span>
          <span className="hex-ascii">{cells.map((cell) => cell.ascii).join("")}</span>
        </>
      );
    },
    [bytes, batchHeader],
  );
  return (
    <VirtualList
      className="hex-dump"
      items={rows}
      rowHeight={ROW_HEIGHT}
      keyOf={keyOf}
      renderRow={renderRow}
      label={label}
    />
  );
}
