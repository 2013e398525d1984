import { describe, expect, it } from "vitest";
import { checkFile, importsOf } from "./check-layers.ts";

const src = "/project/src";

describe("the layer check", () => {
  it("finds static, side-effect, dynamic and worker-URL imports", () => {
    const source = [
      'import { a } from "./a.ts";',
      'export { b } from "../b.ts";',
      'import "./side-effect.ts";',
      'const c = await import("./c.ts");',
      'new Worker(new URL("./worker.ts", import.meta.url));',
      'import type { D } from "d";',
    ].join("\n");
    expect(importsOf(source)).toEqual(["./a.ts", "../b.ts", "./side-effect.ts", "./c.ts", "./worker.ts", "d"]);
  });

  it("lets a layer import the layers below it", () => {
    expect(checkFile(src, `${src}/log/segment.ts`, 'import { x } from "../protocol/x.ts";')).toEqual([]);
    expect(checkFile(src, `${src}/ui/App.tsx`, 'import { x } from "../runtime/web-worker/x.ts";')).toEqual([]);
  });

  it("refuses an import upward or sideways across the rule", () => {
    expect(checkFile(src, `${src}/protocol/x.ts`, 'import { y } from "../log/y.ts";')).toEqual([
      "src/protocol/x.ts: protocol/ may not import log/ (../log/y.ts)",
    ]);
    expect(checkFile(src, `${src}/ui/x.tsx`, 'import { y } from "../broker/y.ts";')).toHaveLength(1);
  });

  it("keeps Node built-ins, the DOM libraries and React out of the core", () => {
    expect(checkFile(src, `${src}/broker/x.ts`, 'import { readFile } from "node:fs";')).toHaveLength(1);
    expect(checkFile(src, `${src}/log/x.ts`, 'import { openDB } from "idb";')).toHaveLength(1);
    expect(checkFile(src, `${src}/protocol/x.ts`, 'import { gzipSync } from "fflate";')).toEqual([]);
    expect(checkFile(src, `${src}/runtime/node/x.ts`, 'import { readFile } from "node:fs";')).toEqual([]);
  });

  it("lets tests and their support code use Node and wire layers together", () => {
    expect(checkFile(src, `${src}/log/x.test.ts`, 'import { tmpdir } from "node:os";')).toEqual([]);
    expect(checkFile(src, `${src}/client/x.test.ts`, 'import { b } from "../broker/b.ts";')).toEqual([]);
    expect(checkFile(src, `${src}/log/testing/x.ts`, 'import { expect } from "vitest";')).toEqual([]);
  });
});
