import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // End-to-end tests start a local Discord emulator and a real discord.js client.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
