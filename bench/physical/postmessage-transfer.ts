/**
 * The ceiling of the playground's network: worker-to-worker postMessage of transferred
 * 16 KiB ArrayBuffers over a MessageChannel, as node workers exchange Kafka frames. Two
 * peer workers (nested dedicated workers of the calling worker) do the work; the caller
 * only hands them the channel's ends and waits for the sender's figure.
 */
import type { PeerStart, TransferDone, TransferPlan } from "./postmessage-protocol.ts";

export interface PostMessageTransferResult extends TransferDone {
  messagesPerSecond: number;
  /** bytes / 2^20 per second, as Kafka's perf tools count MB. */
  megabytesPerSecond: number;
}

const startPeer = () =>
  new Worker(new URL("./postmessage-peer.ts", import.meta.url), {
    type: "module",
    name: "postmessage-peer",
  });

export async function measurePostMessageTransfer(
  plan: TransferPlan,
  limitMs: number,
): Promise<PostMessageTransferResult> {
  const sender = startPeer();
  const receiver = startPeer();
  const channel = new MessageChannel();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const done = new Promise<TransferDone>((resolve, reject) => {
      sender.onmessage = (event: MessageEvent<TransferDone>) => resolve(event.data);
      for (const peer of [sender, receiver]) {
        peer.onerror = (event) => reject(new Error(`a peer failed: ${event.message}`));
      }
      timer = setTimeout(() => reject(new Error(`no result within ${limitMs} ms`)), limitMs);
    });
    const toReceiver: PeerStart = { role: "receiver", port: channel.port2, plan };
    receiver.postMessage(toReceiver, [channel.port2]);
    const toSender: PeerStart = { role: "sender", port: channel.port1, plan };
    sender.postMessage(toSender, [channel.port1]);
    const result = await done;
    return {
      ...result,
      messagesPerSecond: result.messages / result.seconds,
      megabytesPerSecond: result.bytes / 2 ** 20 / result.seconds,
    };
  } finally {
    clearTimeout(timer);
    sender.terminate();
    receiver.terminate();
  }
}
