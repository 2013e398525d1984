import { describe, expect, it } from "vitest";
import { ConfigError } from "./config-error.ts";
import {
  decodePropertiesFile,
  formatJavaProperties,
  parseJavaProperties,
} from "./java-properties.ts";

const parse = (text: string) => Object.fromEntries(parseJavaProperties(text));

describe("Java .properties parsing", () => {
  it("takes =, : and blanks as separators, with blanks around them", () => {
    expect(parse("a=1\nb: 2\nc 3\nd   =   4\ne\t:\t5\nf\f6")).toEqual({
      a: "1",
      b: "2",
      c: "3",
      d: "4",
      e: "5",
      f: "6",
    });
  });

  it("splits at the first separator only and keeps trailing blanks in values", () => {
    expect(parse("url = http://host:9092/x=y  ")).toEqual({ url: "http://host:9092/x=y  " });
    expect(parse("k = = v")).toEqual({ k: "= v" });
    expect(parse("k  : v")).toEqual({ k: "v" });
  });

  it("skips comments (# and !, indented too) and blank lines", () => {
    expect(parse("# comment\n  ! also a comment\n\n   \nkey=value\n\t# indented")).toEqual({
      key: "value",
    });
  });

  it("reads a key without a value as an empty value", () => {
    expect(parse("lonely\nspaced   \nequals=")).toEqual({ lonely: "", spaced: "", equals: "" });
  });

  it("joins continuation lines, dropping the next line's leading blanks", () => {
    expect(parse("list = a,\\\n     b,\\\n\tc\nnext=1")).toEqual({ list: "a,b,c", next: "1" });
    expect(parse("motor\\\n  cycle=yes")).toEqual({ motorcycle: "yes" });
  });

  it("does not continue after an even number of backslashes", () => {
    expect(parse("path=C:\\\\\nnext=1")).toEqual({ path: "C:\\", next: "1" });
  });

  it("treats # on a continuation line as text, and never continues a comment", () => {
    expect(parse("a=1\\\n# not a comment\nb=2")).toEqual({ a: "1# not a comment", b: "2" });
    expect(parse("# comment \\\nc=3")).toEqual({ c: "3" });
  });

  it("ends a continuation at a blank line, and drops a backslash at the end of the file", () => {
    expect(parse("a=1\\\n\nb=2")).toEqual({ a: "1", b: "2" });
    expect(parse("a=1\\")).toEqual({ a: "1" });
  });

  it("understands \\r, \\r\\n and \\n line ends", () => {
    expect(parse("a=1\r\nb=2\rc=3\nd=\\\r\n  4")).toEqual({ a: "1", b: "2", c: "3", d: "4" });
  });

  it("unescapes keys and values", () => {
    expect(parse("key\\ with\\ spaces = v")).toEqual({ "key with spaces": "v" });
    expect(parse("k\\:x\\=y=1")).toEqual({ "k:x=y": "1" });
    expect(parse("tab=a\\tb\\nc\\rd\\fe")).toEqual({ tab: "a\tb\nc\rd\fe" });
    expect(parse("u=\\u0041\\u00e9\\uAC00")).toEqual({ u: "Aé가" });
    expect(parse("other=\\x\\#\\!\\\\")).toEqual({ other: "x#!\\" });
    expect(parse("lead=\\  spaced")).toEqual({ lead: "  spaced" });
  });

  it("lets a later duplicate win", () => {
    expect(parse("a=1\na=2")).toEqual({ a: "2" });
  });

  it("rejects a malformed \\u escape, naming the file and line", () => {
    expect(() => parseJavaProperties("ok=1\nbad=\\u12G4", "server.properties")).toThrow(
      ConfigError,
    );
    expect(() => parseJavaProperties("ok=1\nbad=\\u12", "server.properties")).toThrow(
      /server.properties line 2: malformed \\uxxxx/,
    );
  });

  it("decodes file bytes as ISO-8859-1, as Properties.load(InputStream) does", () => {
    expect(decodePropertiesFile(new Uint8Array([0x6b, 0x3d, 0xe9]))).toBe("k=\u00e9");
  });

  it("writes properties that read back unchanged", () => {
    const original = new Map([
      ["plain", "value"],
      ["key with spaces:and=signs#!", "x"],
      ["leading", "  blank and trailing  "],
      ["escapes", "tab\there\nnewline \\ backslash"],
      ["unicode", "카프카 é"],
      ["empty", ""],
      ["#hash", "!bang"],
    ]);
    const text = formatJavaProperties(original, "a comment\nof two lines");
    expect(text).toMatch(/^# a comment\n# of two lines\n/);
    expect(/^[\x20-\x7e\n]*$/.test(text)).toBe(true);
    expect(parseJavaProperties(text)).toEqual(original);
  });
});
