/** Partitions with a group's committed offset, the HW and the lag between them; rows open the partition. */
import { useTranslate } from "../i18n/use-translate.ts";
import { select } from "../store/view-actions.ts";
import { formatCount, formatOffset } from "./format.ts";

export interface OffsetRow {
  topic: string;
  partition: number;
  committed: number | null;
  hw: number | null;
  lag: number | null;
}

export function OffsetTable({ rows }: { rows: readonly OffsetRow[] }) {
  const t = useTranslate();
  return (
    <table className="inspector-table">
      <thead>
        <tr>
          <th scope="col">{t("inspector.col.partition")}</th>
          <th scope="col" className="num-col">
            {t("inspector.col.committed")}
          </th>
          <th scope="col" className="num-col" title={t("inspector.hw.hint")}>
            HW
          </th>
          <th scope="col" className="num-col" title={t("inspector.lag.hint")}>
            {t("inspector.col.lag")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.topic}-${row.partition}`}>
            <th scope="row">
              <button
                type="button"
                className="inspector-chip"
                onClick={() =>
                  select({ kind: "partition", topic: row.topic, partition: row.partition })
                }
              >
                {row.topic}-{row.partition}
              </button>
            </th>
            <td className="num-col num">{formatOffset(row.committed)}</td>
            <td className="num-col num">{formatOffset(row.hw)}</td>
            <td
              className={row.lag !== null && row.lag > 0 ? "num-col num tone-warn" : "num-col num"}
            >
              {formatCount(row.lag)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
