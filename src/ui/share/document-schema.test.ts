import { describe, expect, it } from "vitest";
import { translate } from "../i18n/translate.ts";
import { checkDocument, type DocumentCheck } from "./document-schema.ts";
import { formatPath, MAX_PROBLEMS } from "./schema.ts";
import { documentToJson, readDocumentText } from "./share-codec.ts";
import { CLIENT_CASES } from "./testing/hostile-client-cases.ts";
import { CLUSTER_CASES } from "./testing/hostile-cluster-cases.ts";
import { editedDocument, sampleDocument, type LooseJson } from "./testing/sample-document.ts";

/** The first problem of a refused document: where, and which message. */
function firstProblem(check: DocumentCheck): { path: string; key: string } {
  expect(check.ok, "the document should be refused").toBe(false);
  if (check.ok) throw new Error("unreachable");
  const [problem] = check.problems;
  return { path: formatPath(problem!.path), key: problem!.key };
}

const refusedWith = (edit: (document: LooseJson) => void) =>
  firstProblem(checkDocument(editedDocument(edit)));

describe("a playground document", () => {
  it("round-trips: export, read back, the same document", () => {
    const document = sampleDocument();
    const check = readDocumentText(documentToJson(document));
    expect(check).toEqual({ ok: true, document });
  });

  it("may leave the records out", () => {
    const check = checkDocument(editedDocument((d) => delete d.data));
    expect(check.ok).toBe(true);
  });

  it("may lack the settings added after the format's first files", () => {
    const check = checkDocument(
      editedDocument((d) => {
        delete d.clients.producers[0].settings.nullValue;
        delete d.clients.consumers[0].settings.extraTopics;
        delete d.clients.consumers[0].settings.commitBeforeProcessing;
      }),
    );
    if (!check.ok) throw new Error("expected a valid document");
    expect("nullValue" in check.document.clients.producers[0]!.settings).toBe(false);
    expect("extraTopics" in check.document.clients.consumers[0]!.settings).toBe(false);
  });

  it("is rebuilt from checked fields, not handed back as given", () => {
    const input = editedDocument(() => {});
    const check = checkDocument(input);
    if (!check.ok) throw new Error("expected a valid document");
    expect(check.document).toEqual(input);
    expect(check.document).not.toBe(input);
    expect(check.document.topics[0]).not.toBe((input as LooseJson).topics[0]);
  });
});

describe("a hostile or broken document is refused with the path and the reason", () => {
  const cases = [...CLUSTER_CASES, ...CLIENT_CASES];

  it.each(cases)("%s", (_, edit, path, key) => {
    expect(refusedWith(edit)).toEqual({ path, key });
  });

  it("words every problem in both languages, with nothing left unfilled", () => {
    for (const [, edit] of cases) {
      const check = checkDocument(editedDocument(edit));
      if (check.ok) throw new Error("expected a refusal");
      for (const problem of check.problems) {
        for (const language of ["en", "ko"] as const) {
          const text = translate(language, problem.key, problem.values);
          expect(text, `${problem.key} in ${language}`).not.toMatch(/\{\w+\}/);
        }
      }
    }
  });

  it("refuses what is not a document at all", () => {
    for (const value of [[], "orders", 42, null, true]) {
      expect(firstProblem(checkDocument(value))).toEqual({
        path: "",
        key: "share.problem.notDocument",
      });
    }
  });

  it("refuses names that reach an object's prototype, and pollutes nothing", () => {
    const json = documentToJson(sampleDocument());
    const hostile = [
      json.replace('"format"', '"__proto__": { "polluted": true },\n  "format"'),
      json.replace('"min.insync.replicas": "2"', '"min.insync.replicas": "2", "constructor": "x"'),
      json.replace('"kind": "partition"', '"prototype": {}, "kind": "partition"'),
    ];
    const paths = hostile.map((text) => firstProblem(readDocumentText(text)));
    expect(paths).toEqual([
      { path: "__proto__", key: "share.problem.forbiddenName" },
      { path: "topics[0].configs.constructor", key: "share.problem.forbiddenName" },
      { path: "layout.selection.prototype", key: "share.problem.forbiddenName" },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("lists at most 20 problems and counts the rest", () => {
    const check = checkDocument(
      editedDocument((d) => {
        for (let i = 0; i < 30; i++) d[`extra${i}`] = i;
      }),
    );
    if (check.ok) throw new Error("expected a refusal");
    expect(check.problems).toHaveLength(MAX_PROBLEMS);
    expect(check.more).toBe(10);
  });

  it("quotes at most 80 characters of a hostile value", () => {
    const check = checkDocument(
      editedDocument((d) => (d.clients.producers[0].settings.topic = "t".repeat(200))),
    );
    if (check.ok) throw new Error("expected a refusal");
    expect(String(check.problems[0]!.values!.name).length).toBeLessThanOrEqual(81);
  });
});

describe("formatPath", () => {
  it("writes paths as a reader would", () => {
    expect(formatPath(["topics", 2, "configs", "retention.ms"])).toBe(
      'topics[2].configs["retention.ms"]',
    );
    expect(formatPath(["layout", "selection", "kind"])).toBe("layout.selection.kind");
    expect(formatPath([])).toBe("");
    expect(formatPath(['a"b'])).toBe('["a\\"b"]');
  });
});
