/**
 * CDP sessions on a page's dedicated workers, nested ones included (the cluster benchmark's
 * broker workers are started by its client worker). Playwright opens CDP sessions on pages
 * only, so this attaches from the page's session with Target.setAutoAttach (flatten off)
 * and talks to each worker through Target.sendMessageToTarget, one hop per nesting level.
 */
import type { CDPSession } from "@playwright/test";

export interface WorkerTarget {
  sessionId: string;
  url: string;
  type: string;
  /** The session of the worker that started this one; null for a worker of the page. */
  parent: string | null;
}

interface ProtocolMessage {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { message: string };
}

export class WorkerSessions {
  readonly workers: WorkerTarget[] = [];
  private nextId = 1;
  private readonly waiting = new Map<number, (message: ProtocolMessage) => void>();

  private constructor(private readonly page: CDPSession) {
    page.on("Target.attachedToTarget", (event) => this.attached(event, null));
    page.on("Target.receivedMessageFromTarget", (event) => this.received(event));
  }

  /** Attaches to every worker of the page, now and later, at every depth. */
  static async attach(page: CDPSession): Promise<WorkerSessions> {
    const sessions = new WorkerSessions(page);
    await page.send("Target.setAutoAttach", {
      autoAttach: true,
      waitForDebuggerOnStart: false,
      flatten: false,
    });
    return sessions;
  }

  /** Workers started by another worker: in the cluster benchmark, the Kafka nodes. */
  nested(): WorkerTarget[] {
    return this.workers.filter((worker) => worker.parent !== null && worker.type === "worker");
  }

  /** Sends a CDP command to one worker and resolves with its result (throws its error). */
  send<Result>(sessionId: string, method: string, params: unknown = {}): Promise<Result> {
    const id = this.nextId++;
    const answer = new Promise<Result>((resolve, reject) =>
      this.waiting.set(id, (message) =>
        message.error === undefined
          ? resolve(message.result as Result)
          : reject(new Error(`${method}: ${message.error.message}`)),
      ),
    );
    let message = JSON.stringify({ id, method, params });
    let target = sessionId;
    for (;;) {
      const worker = this.workers.find((each) => each.sessionId === target);
      if (worker === undefined) throw new Error(`no worker session ${target}`);
      if (worker.parent === null) break;
      message = JSON.stringify({
        id: this.nextId++,
        method: "Target.sendMessageToTarget",
        params: { sessionId: target, message },
      });
      target = worker.parent;
    }
    void this.page.send("Target.sendMessageToTarget", { sessionId: target, message });
    return answer;
  }

  private attached(
    event: { sessionId: string; targetInfo: { url: string; type: string } },
    parent: string | null,
  ): void {
    const { sessionId, targetInfo } = event;
    this.workers.push({ sessionId, url: targetInfo.url, type: targetInfo.type, parent });
    // Its own workers attach to it in turn.
    this.send(sessionId, "Target.setAutoAttach", {
      autoAttach: true,
      waitForDebuggerOnStart: false,
      flatten: false,
    }).catch(() => {});
  }

  private received(event: { sessionId: string; message: string }): void {
    const message = JSON.parse(event.message) as ProtocolMessage;
    if (message.id !== undefined) {
      this.waiting.get(message.id)?.(message);
      this.waiting.delete(message.id);
    } else if (message.method === "Target.attachedToTarget") {
      this.attached(message.params as Parameters<WorkerSessions["attached"]>[0], event.sessionId);
    } else if (message.method === "Target.receivedMessageFromTarget") {
      this.received(message.params as { sessionId: string; message: string });
    }
  }
}
