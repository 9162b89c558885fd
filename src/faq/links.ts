/** Discord's link to a message, which moderators can click to jump to it. */
export function jumpLink(guildId: string, channelId: string, messageId: string): string {
  return `https://discord.com/channels/${guildId}/${channelId}/${messageId}`;
}

/** A channel mention: Discord shows its name; it pings no one. */
export function channelMention(channelId: string): string {
  return `<#${channelId}>`;
}
