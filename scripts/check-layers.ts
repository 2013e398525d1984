/**
 * `npm run lint` runs this: fails when a file in src/ imports across the layer rule of
 * DESIGN.md (see layer-rules.ts), printing each offending import.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { ALLOWED_IMPORTS, CORE_LAYERS, CORE_PACKAGES, isTestFile } from "./layer-rules.ts";

const IMPORT_PATTERN =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|(?:^|[\s;])import\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)|new URL\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url/g;

export function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(IMPORT_PATTERN)) {
    const specifier = match[1] ?? match[2] ?? match[3] ?? match[4];
    if (specifier !== undefined) found.push(specifier);
  }
  return found;
}

export function layerOf(srcRoot: string, file: string): string | null {
  const path = relative(srcRoot, file);
  if (path.startsWith("..")) return null;
  const [first] = path.split(sep);
  return first !== undefined && first in ALLOWED_IMPORTS ? first : null;
}

function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

/** Every violation in one file, as readable lines. */
export function checkFile(srcRoot: string, file: string, source: string): string[] {
  const layer = layerOf(srcRoot, file);
  // Tests and their support code are not shipped: they may wire layers together.
  if (layer === null || isTestFile(file)) return [];
  const problems: string[] = [];
  const where = relative(resolve(srcRoot, ".."), file);
  for (const specifier of importsOf(source)) {
    if (specifier.startsWith(".")) {
      const target = resolve(dirname(file), specifier);
      const targetLayer = layerOf(srcRoot, target);
      if (targetLayer === null) {
        if (!relative(srcRoot, target).startsWith("..")) continue; // src/*.ts entry files
        problems.push(`${where}: imports ${specifier}, outside src/`);
        continue;
      }
      if (!ALLOWED_IMPORTS[layer]!.includes(targetLayer)) {
        problems.push(`${where}: ${layer}/ may not import ${targetLayer}/ (${specifier})`);
      }
    } else if (CORE_LAYERS.includes(layer)) {
      const name = packageName(specifier);
      if (!CORE_PACKAGES.includes(name)) {
        problems.push(`${where}: ${layer}/ is sans-IO core and may not import "${specifier}"`);
      }
    }
  }
  return problems;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

export function checkTree(srcRoot: string): string[] {
  return sourceFiles(srcRoot).flatMap((file) => checkFile(srcRoot, file, readFileSync(file, "utf8")));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = checkTree(resolve(import.meta.dirname, "../src"));
  if (problems.length > 0) {
    console.error(`Layer rule broken (DESIGN.md, section 2):\n  ${problems.join("\n  ")}`);
    process.exit(1);
  }
  console.log("layers: every import follows the layer rule");
}
