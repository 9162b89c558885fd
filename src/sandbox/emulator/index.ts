export type {
  AutocompleteSpec,
  ButtonSpec,
  ChatInputSpec,
  DmSpec,
  GuildMessageSpec,
  InteractionContextSpec,
  MessageContextMenuSpec,
  OptionValues,
} from "./builders.js";
export {
  DiscordEmulator,
  type DiscordEmulatorOptions,
  type EmulatedGuild,
  type FaultMatcher,
  type FaultResponse,
  type InjectedInteraction,
  type InjectedMessage,
} from "./emulator.js";
export { type DiscordErrorBody, EmulatorTimeoutError } from "./errors.js";
export type { EmulatorEvent, EmulatorLogger, RecordedRequest } from "./events.js";
export { type InteractionView, messageText } from "./interactions.js";
export { MAX_PINS } from "./rest.js";
export { snowflakeTime } from "./snowflake.js";
export type { ChannelSpec, GuildSpec, UserSpec } from "./world.js";
