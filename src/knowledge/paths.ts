import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The package's root folder, found from this file in `src/` or in `dist/src/`. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "knowledge"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error("cannot find the package's knowledge/ folder");
    dir = parent;
  }
}

/** The `knowledge/` folder shipped with the bot. */
export function defaultKnowledgeDir(): string {
  return join(packageRoot(), "knowledge");
}

/** Where the build saves the validated knowledge (see snapshot.ts). */
export function snapshotFile(): string {
  return join(packageRoot(), "dist", "knowledge.snapshot.json");
}
