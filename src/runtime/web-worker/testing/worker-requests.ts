/**
 * The worker side of a worker harness (see worker-harness.ts): answers each message with
 * what `answer` resolves to, or with `{ command: "failed", error }` when it throws, so a
 * failure reaches the spec or benchmark as text instead of a silent hang.
 */

export interface FailedResponse {
  command: "failed";
  error: string;
}

export function answerRequests<Request>(answer: (request: Request) => Promise<unknown>): void {
  self.onmessage = (event: MessageEvent<Request>) => {
    answer(event.data).then(
      (response) => self.postMessage(response),
      (error: unknown) => {
        const failure: FailedResponse = {
          command: "failed",
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        };
        self.postMessage(failure);
      },
    );
  };
}
