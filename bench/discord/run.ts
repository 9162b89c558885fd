import { formatTable } from "../section.js";
import { discordSection } from "./section.js";

/** `node dist/bench/discord/run.js`: the Discord sections alone, printed as `npm run bench` does. */
async function main(): Promise<void> {
  const started = performance.now();
  console.log(`## ${discordSection.name}\n`);
  for (const table of await discordSection.run()) console.log(`${formatTable(table)}\n`);
  console.log(`discord bench finished in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
});
