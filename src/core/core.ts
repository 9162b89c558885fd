import { loadKnowledge } from "../knowledge/load.js";
import { type Core, coreFrom } from "./core-from.js";

export { type Core, coreFrom } from "./core-from.js";

/** Loads and validates the knowledge folder (default: the shipped one) and indexes it. */
export function createCore(dir?: string): Core {
  return coreFrom(loadKnowledge(dir));
}
