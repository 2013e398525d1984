/**
 * A dedicated worker that runs the FileSystem contract on the browser backends (OPFS sync
 * access handles exist only in dedicated workers). Driven by e2e/harness/fs-contract.spec.ts
 * through the worker harness page, one request per message.
 */
import {
  runFileSystemContract,
  type OpenFileSystem,
} from "../../../log/fs/file-system-contract.ts";
import { isOpfsAvailable } from "../opfs-file-system.ts";
import { openBrowserBackend, type BrowserBackend } from "./browser-backends.ts";
import type { ContractRequest, ContractResponse } from "./fs-contract-messages.ts";
import { INDEXEDDB_WRITE_BEHIND_CASES } from "./indexeddb-write-behind-cases.ts";
import { answerRequests } from "./worker-requests.ts";

/** Case roots are named after the case's position, so a failing root is easy to find. */
function freshRoots(backend: BrowserBackend, runId: string): (caseName: string) => OpenFileSystem {
  let caseIndex = 0;
  return () => {
    const root = `contract-${runId}/case-${caseIndex++}`;
    return () => openBrowserBackend(backend, root);
  };
}

/** Files written by "write-and-flush" stay open until the page kills this worker. */
const keptOpen: unknown[] = [];

async function answer(request: ContractRequest): Promise<ContractResponse> {
  switch (request.command) {
    case "probe":
      return { command: "probe", opfsAvailable: isOpfsAvailable() };
    case "run-contract": {
      const results = await runFileSystemContract(freshRoots(request.backend, request.runId), () =>
        performance.now(),
      );
      return { command: "run-contract", results };
    }
    case "run-write-behind": {
      const roots = freshRoots("indexeddb", `write-behind-${request.runId}`);
      const results = await runFileSystemContract(
        roots,
        () => performance.now(),
        INDEXEDDB_WRITE_BEHIND_CASES,
      );
      return { command: "run-write-behind", results };
    }
    case "write-and-flush": {
      const fs = await openBrowserBackend(request.backend, request.root);
      const file = await fs.open(request.path, { create: true });
      file.append(new TextEncoder().encode(request.text));
      await file.flush();
      keptOpen.push(file);
      return { command: "write-and-flush", sizeBytes: file.size() };
    }
    case "read": {
      const fs = await openBrowserBackend(request.backend, request.root);
      const file = await fs.open(request.path);
      const text = new TextDecoder().decode(file.read(0, file.size()));
      await file.close();
      return { command: "read", text };
    }
  }
}

answerRequests(answer);
