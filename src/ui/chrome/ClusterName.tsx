/** The cluster's id, short (the full id on hover), and how many brokers are alive. */
import { useTranslate } from "../i18n/use-translate.ts";
import { brokerLiveness } from "../store/cluster-slice.ts";
import { usePlayground } from "../store/store.ts";

const SHORT_ID_LENGTH = 8;

export function ClusterName() {
  const t = useTranslate();
  const clusterId = usePlayground((state) => state.clusterId);
  const brokers = usePlayground((state) => state.brokers);
  const all = Object.values(brokers);
  const alive = all.filter((broker) => brokerLiveness(broker) === "alive").length;
  const shortId = clusterId === null ? "········" : clusterId.slice(0, SHORT_ID_LENGTH);
  return (
    <p
      className="cluster-name"
      title={clusterId === null ? undefined : t("topbar.clusterIdFull", { id: clusterId })}
    >
      <span className="cluster-name-label">{t("topbar.cluster")}</span>
      <code className="cluster-id">{shortId}</code>
      <span className="cluster-brokers number">
        {t("topbar.brokersAlive", { alive, total: all.length })}
      </span>
    </p>
  );
}
