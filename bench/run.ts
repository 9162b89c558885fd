import { cliSection } from "./cli-section.js";
import { discordSection } from "./discord/section.js";
import { faqSection } from "./faq/section.js";
import { searchSection } from "./search-section.js";
import { formatTable, type Section } from "./section.js";

/** Sections run in this order; add new ones (e.g. Discord end to end) here. */
const SECTIONS: Section[] = [searchSection, cliSection, discordSection, faqSection];

async function main(): Promise<void> {
  const started = performance.now();
  console.log(`# policybot bench — Node ${process.version}, ${new Date().toISOString()}\n`);
  for (const section of SECTIONS) {
    console.log(`## ${section.name}\n`);
    for (const t of await section.run()) console.log(`${formatTable(t)}\n`);
  }
  console.log(`bench finished in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
});
