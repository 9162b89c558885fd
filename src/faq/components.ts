import type { APIActionRowComponent, APIButtonComponent } from "discord-api-types/v10";
import type { FaqButton, FaqReply } from "./reply.js";

/** discord-api-types' ComponentType and ButtonStyle values, without a runtime import. */
const ACTION_ROW = 1;
const BUTTON = 2;
const STYLE: Record<FaqButton["style"], 1 | 2 | 4> = { primary: 1, secondary: 2, danger: 4 };
const MAX_LABEL = 80;
const MAX_PER_ROW = 5;

/**
 * The FAQ buttons of a reply as Discord components, to append to the rendered payload's
 * `components` (the shell's renderer does not know them). Empty when there are none.
 */
export function faqButtonRows(reply: FaqReply): APIActionRowComponent<APIButtonComponent>[] {
  const buttons: APIButtonComponent[] = (reply.faqButtons ?? [])
    .filter((b) => b.customId.length > 0 && b.customId.length <= 100)
    .map((b) => ({
      type: BUTTON,
      style: STYLE[b.style],
      custom_id: b.customId,
      label: Array.from(b.label).slice(0, MAX_LABEL).join("") || "…",
    }));
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  for (let i = 0; i < buttons.length; i += MAX_PER_ROW) {
    rows.push({ type: ACTION_ROW, components: buttons.slice(i, i + MAX_PER_ROW) });
  }
  return rows;
}
