import { type CacheFactory, type Client, Options } from "discord.js";

/**
 * What discord.js may keep in memory. The bot answers from the gateway payloads themselves and
 * fetches FAQ messages with `force: true`, so it never reads a cached message, user or member.
 *
 * - Messages: with the GuildMessages intent (for mentions), every message in every channel comes
 *   in, our own answers included. Kept 200 per channel by default, each one lives long enough to be
 *   promoted to the old generation, where it becomes garbage: in a burst of 1,000 answers that was
 *   about 8 % of the bot's CPU and 10 MB of resident memory.
 * - Users and members: every person who asks is added and, by default, kept forever. Over months
 *   in large servers that grows without bound; only the bot's own user and member are kept (the
 *   bot's member carries its roles, which discord.js reads to compute its permissions).
 */
export function botCacheFactory(): CacheFactory {
  const isSelf = (id: string, client: Client) => id === client.user?.id;
  return Options.cacheWithLimits({
    ...Options.DefaultMakeCacheSettings,
    MessageManager: 0,
    UserManager: { maxSize: 0, keepOverLimit: (user) => isSelf(user.id, user.client) },
    GuildMemberManager: {
      maxSize: 0,
      keepOverLimit: (member) => isSelf(member.id, member.client),
    },
  });
}
