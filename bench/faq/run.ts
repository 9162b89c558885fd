import { formatTable } from "../section.js";
import { faqSection } from "./section.js";

/** `node dist/bench/faq/run.js`: the FAQ sections alone, printed as `npm run bench` does. */
async function main(): Promise<void> {
  const started = performance.now();
  console.log(`## ${faqSection.name}\n`);
  for (const table of await faqSection.run()) console.log(`${formatTable(table)}\n`);
  console.log(`faq bench finished in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
});
