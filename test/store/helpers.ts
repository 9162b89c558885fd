import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach } from "vitest";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DIST_STORE = path.join(REPO_ROOT, "dist/src/store/index.js");
export const FIXTURES = path.join(REPO_ROOT, "test/store/fixtures");

const made: string[] = [];

/** A fresh temporary folder, removed after the current test. */
export function tempDir(prefix = "policybot-store-"): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * Child-process tests run the compiled module (`npm test` builds first). When
 * dist is missing or older than the sources (a bare `npx vitest run`), build it.
 */
export function ensureDist(): string {
  const srcDir = path.join(REPO_ROOT, "src/store");
  const newest = Math.max(
    ...readdirSync(srcDir).map((name) => statSync(path.join(srcDir, name)).mtimeMs),
  );
  let built = 0;
  try {
    built = statSync(DIST_STORE).mtimeMs;
  } catch {
    built = 0;
  }
  if (built < newest) {
    try {
      execFileSync("npx", ["tsc", "-p", "."], {
        cwd: REPO_ROOT,
        stdio: "ignore",
        timeout: 120_000,
      });
    } catch {
      // Other people's files may not compile yet; tsc still emits ours.
    }
  }
  statSync(DIST_STORE);
  return DIST_STORE;
}
