/**
 * Discord permission bits the bot and /faq care about, without discord.js.
 * Values match discord-api-types' PermissionFlagsBits (payloads/common.js):
 * PinMessages is 1n << 51n, split out of ManageMessages by Discord in 2025,
 * which is why pinning is allowed with either of the two.
 */
export const PERMISSION_BITS = {
  Administrator: 1n << 3n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  ReadMessageHistory: 1n << 16n,
  SendMessagesInThreads: 1n << 38n,
  PinMessages: 1n << 51n,
} as const satisfies Record<string, bigint>;

export type PermissionName = keyof typeof PERMISSION_BITS;

/** The names Discord's client shows, for messages such as "I need: Embed Links, Pin Messages". */
export const PERMISSION_LABELS: Readonly<Record<PermissionName, string>> = {
  Administrator: "Administrator",
  ViewChannel: "View Channel",
  SendMessages: "Send Messages",
  ManageMessages: "Manage Messages",
  EmbedLinks: "Embed Links",
  ReadMessageHistory: "Read Message History",
  SendMessagesInThreads: "Send Messages in Threads",
  PinMessages: "Pin Messages",
};

/** What the bot needs in a channel to post and pin a FAQ answer. */
export const FAQ_POST_PERMISSIONS: readonly PermissionName[] = [
  "ViewChannel",
  "SendMessages",
  "EmbedLinks",
  "PinMessages",
];

const MAX_PERMISSIONS = (1n << 64n) - 1n;

/**
 * Permissions as Discord sends them (a decimal string in interaction
 * payloads) or as a bigint. Anything else (negative, hex, garbage, a number
 * that lost precision) counts as no permission at all: failing closed.
 */
export function parsePermissions(value: unknown): bigint {
  if (typeof value === "bigint") return value >= 0n && value <= MAX_PERMISSIONS ? value : 0n;
  if (typeof value === "string") {
    const text = value.trim();
    if (!/^\d{1,20}$/.test(text)) return 0n;
    const bits = BigInt(text);
    return bits <= MAX_PERMISSIONS ? bits : 0n;
  }
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  return 0n;
}

function has(bits: bigint, name: PermissionName): boolean {
  const flag = PERMISSION_BITS[name];
  return (bits & flag) === flag;
}

/**
 * The required permissions `granted` lacks, in the order asked, without
 * duplicates. Administrator grants everything. Unknown names are ignored.
 */
export function missingPermissions(
  granted: bigint | string,
  required: readonly PermissionName[],
): PermissionName[] {
  const bits = parsePermissions(granted);
  if (has(bits, "Administrator")) return [];
  const missing: PermissionName[] = [];
  for (const name of Array.isArray(required) ? required : []) {
    if (!Object.hasOwn(PERMISSION_BITS, name)) continue;
    if (!has(bits, name) && !missing.includes(name)) missing.push(name);
  }
  return missing;
}

/** Labels for a message, e.g. ["Embed Links", "Pin Messages"]. */
export function permissionLabels(names: readonly PermissionName[]): string[] {
  return names.map((name) => PERMISSION_LABELS[name] ?? String(name));
}

/** May this member post, replace and unpin FAQ messages? Pin Messages or Manage Messages (or Administrator). */
export function canModerateFaq(memberPerms: bigint | string | null | undefined): boolean {
  const bits = parsePermissions(memberPerms);
  return has(bits, "Administrator") || has(bits, "PinMessages") || has(bits, "ManageMessages");
}
