/**
 * Shows the store's open dialog, one at a time. Each dialog is keyed by what it is about,
 * so opening another (a different topic, say) starts it afresh.
 */
import { usePlayground } from "../store/store.ts";
import type { Dialog } from "../store/view-slice.ts";
import { AddPartitionsDialog } from "./AddPartitionsDialog.tsx";
import { ConsumerDialog } from "./ConsumerDialog.tsx";
import { CreateTopicDialog } from "./CreateTopicDialog.tsx";
import { DeleteTopicDialog } from "./DeleteTopicDialog.tsx";
import { ProducerDialog } from "./ProducerDialog.tsx";
import { ResetDialog } from "./ResetDialog.tsx";
import { ImportProgressDialog } from "../share/ImportProgressDialog.tsx";
import { ImportReviewDialog } from "../share/ImportReviewDialog.tsx";
import { KafkaExportDialog } from "../share/KafkaExportDialog.tsx";
import { ShareDialog } from "../share/ShareDialog.tsx";
import { SettingsDialog } from "./SettingsDialog.tsx";
import { TopicConfigsDialog } from "./TopicConfigsDialog.tsx";

function DialogFor({ dialog }: { dialog: Dialog }) {
  switch (dialog.kind) {
    case "create-topic":
      return <CreateTopicDialog />;
    case "add-partitions":
      return <AddPartitionsDialog topic={dialog.topic} />;
    case "delete-topic":
      return <DeleteTopicDialog topic={dialog.topic} />;
    case "topic-configs":
      return <TopicConfigsDialog topic={dialog.topic} />;
    case "add-producer":
      return <ProducerDialog topic={dialog.topic} />;
    case "edit-producer":
      return <ProducerDialog topic={dialog.topic} producerId={dialog.producerId} />;
    case "add-consumer":
      return <ConsumerDialog topic={dialog.topic} groupId={dialog.groupId} />;
    case "settings":
      return <SettingsDialog />;
    case "reset":
      return <ResetDialog />;
    case "share":
      return <ShareDialog />;
    case "import-review":
      return <ImportReviewDialog />;
    case "import-progress":
      return <ImportProgressDialog />;
    case "export-kafka":
      return <KafkaExportDialog />;
  }
}

export function DialogHost() {
  const dialog = usePlayground((state) => state.dialog);
  if (dialog === null) return null;
  return <DialogFor key={JSON.stringify(dialog)} dialog={dialog} />;
}
