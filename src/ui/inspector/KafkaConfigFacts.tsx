/** A client's settings as Kafka's config names and values, in a two-column table. */
import { useTranslate } from "../i18n/use-translate.ts";
import type { KafkaConfigLine } from "./kafka-names.ts";

export function KafkaConfigFacts({ lines }: { lines: KafkaConfigLine[] }) {
  const t = useTranslate();
  return (
    <table className="inspector-table inspector-config-table">
      <thead>
        <tr>
          <th scope="col">{t("inspector.configs.name")}</th>
          <th scope="col">{t("inspector.configs.value")}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.name}>
            <th scope="row" className="inspector-config-name">
              {line.name}
            </th>
            <td>
              <span className="inspector-config-value" title={line.fullValue}>
                {line.value}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
