/**
 * Custom ids of the FAQ buttons. Self-contained (no state on our side) and at most 100
 * characters: `faq:rp:<new message id>:<old message id>` is 7 + 2 × 20 + 1 = 48 at most.
 */
const REPLACE_PIN = "faq:rp:";
const SNOWFLAKE = /^\d{1,20}$/;

export function isFaqButton(customId: unknown): boolean {
  return typeof customId === "string" && customId.startsWith("faq:");
}

export function encodeReplacePin(newMessageId: string, oldMessageId: string): string {
  return `${REPLACE_PIN}${newMessageId}:${oldMessageId}`;
}

/** null for anything `encodeReplacePin` did not make (old versions, forged ids). */
export function decodeReplacePin(
  customId: unknown,
): { newMessageId: string; oldMessageId: string } | null {
  if (typeof customId !== "string" || customId.length > 100 || !customId.startsWith(REPLACE_PIN)) {
    return null;
  }
  const parts = customId.slice(REPLACE_PIN.length).split(":");
  if (parts.length !== 2) return null;
  const [newMessageId, oldMessageId] = parts as [string, string];
  if (!SNOWFLAKE.test(newMessageId) || !SNOWFLAKE.test(oldMessageId)) return null;
  if (newMessageId === oldMessageId) return null;
  return { newMessageId, oldMessageId };
}
