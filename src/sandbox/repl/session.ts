import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type APIMessage,
  InteractionResponseType,
  type Locale,
  Locale as Locales,
} from "discord-api-types/v10";
import { commands } from "../../../commands/index.js";
import { parseConfig } from "../../config/index.js";
import { loadCore } from "../../core/core.js";
import type { RunningBot } from "../../discord/bot.js";
import type { Logger } from "../../log/index.js";
import { DiscordEmulator, EmulatorTimeoutError, type InteractionView } from "../emulator/index.js";
import { type CommandDefinition, parseLine, type SandboxLine, usage } from "./parse.js";
import { type Palette, renderMessage, type ShownButton } from "./render.js";

/** A fake token the emulator accepts; it never leaves 127.0.0.1. */
export const SANDBOX_TOKEN = "sandbox.token.not-a-real-discord-token";
export const SANDBOX_APP_ID = "100000000000000001";

export interface SandboxOptions {
  palette: Palette;
  /** The bot's logger (silent unless --verbose or --log). */
  logger: Logger;
  /** Keep the bot's real per-user limit (5 answers per 20 s) instead of lifting it. */
  realRateLimit?: boolean;
  /** How long to wait for an answer before calling the line failed. */
  answerTimeoutMs?: number;
  /** KNOWLEDGE_DIR, when the person points the sandbox at other knowledge files. */
  knowledgeDir?: string;
}

/** What running one line produced. */
export interface Outcome {
  /** Text to print (may be empty for a comment). */
  text: string;
  /** False when the line was refused or got no answer: a script then exits 1. */
  ok: boolean;
  quit?: boolean;
}

interface LastAnswer {
  message: APIMessage;
  buttons: ShownButton[];
}

/** The emulator, the real bot connected to it, and what a person typed so far (locale, last answer). */
export class Sandbox {
  #locale: Locale = Locales.EnglishUS;
  #last: LastAnswer | null = null;
  #stopped: Promise<void> | null = null;
  readonly definitions: readonly CommandDefinition[] = commands.map((c) => c.definition);

  private constructor(
    readonly emulator: DiscordEmulator,
    readonly bot: RunningBot,
    private readonly options: SandboxOptions,
    readonly startedInMs: number,
    private readonly dataDir: string,
  ) {}

  static async start(options: SandboxOptions): Promise<Sandbox> {
    const started = performance.now();
    // The sandbox's questions and votes are play: they go to a throwaway database, never into
    // the real bot's DATA_DIR of the same checkout.
    const dataDir = mkdtempSync(join(tmpdir(), "policybot-sandbox-"));
    const emulator = await DiscordEmulator.start({
      token: SANDBOX_TOKEN,
      applicationId: SANDBOX_APP_ID,
    });
    try {
      const loaded = parseConfig({
        DISCORD_TOKEN: SANDBOX_TOKEN,
        DISCORD_APPLICATION_ID: SANDBOX_APP_ID,
        DISCORD_API_BASE: emulator.apiBase,
        LOG_LEVEL: options.logger.level,
        KNOWLEDGE_DIR: options.knowledgeDir,
      });
      if (!loaded.ok) throw loaded.error;
      // discord.js is the slow import; load it while the knowledge is indexed.
      const [{ startBot }, { deployCommands }] = await Promise.all([
        import("../../discord/bot.js"),
        import("../../discord/deploy-commands.js"),
      ]);
      const core = loadCore(options.knowledgeDir);
      // Registered as deploy-commands would, so option types come from the definitions. Only
      // the slash commands the bot serves here (startBot's default list) are parsed and offered.
      await deployCommands({
        token: SANDBOX_TOKEN,
        applicationId: SANDBOX_APP_ID,
        guildId: null,
        apiBase: emulator.apiBase,
        definitions: commands.map((c) => c.definition),
      });
      const bot = await startBot(loaded.config, {
        core,
        logger: options.logger,
        botVersion: "sandbox",
        dataDir,
        shutdownGraceMs: 2_000,
        ...(options.realRateLimit ? {} : { rateLimit: { limit: 1_000_000, windowMs: 20_000 } }),
      });
      return new Sandbox(emulator, bot, options, performance.now() - started, dataDir);
    } catch (error) {
      await emulator.stop();
      rmSync(dataDir, { recursive: true, force: true });
      throw error;
    }
  }

  get locale(): Locale {
    return this.#locale;
  }

  /** Parses and runs one line; never throws for anything a person can type. */
  async run(raw: string): Promise<Outcome> {
    let line: SandboxLine;
    try {
      line = parseLine(raw, this.definitions);
    } catch (error) {
      return { text: this.#problem(`Could not read that line: ${String(error)}`), ok: false };
    }
    try {
      return await this.#execute(line);
    } catch (error) {
      return { text: this.#problem(explain(error)), ok: false };
    }
  }

  async #execute(line: SandboxLine): Promise<Outcome> {
    switch (line.kind) {
      case "empty":
        return { text: "", ok: true };
      case "invalid":
        return { text: this.#problem(line.message), ok: false };
      case "help":
        return { text: this.help(), ok: true };
      case "quit":
        return { text: "", ok: true, quit: true };
      case "locale":
        if (line.locale) this.#locale = line.locale;
        return {
          text: this.#dim(
            line.locale
              ? `Interactions now come from a ${line.locale} client.`
              : `Interactions come from a ${this.#locale} client. Change with :locale fr or :locale en-US.`,
          ),
          ok: true,
        };
      case "command":
        return this.#command(line.name, line.options);
      case "dm":
        return this.#dm(line.content);
      case "press":
        return this.#press(line.button);
    }
  }

  async #command(name: string, options: Record<string, string | number | boolean>) {
    const view = await this.emulator.interact(
      this.emulator.chatInput({
        name,
        options,
        locale: this.#locale,
        guildId: this.emulator.guild.id,
      }),
      this.options.answerTimeoutMs,
    );
    return this.#show(view, `reply to /${name}`);
  }

  async #dm(content: string): Promise<Outcome> {
    const message = await this.emulator.converse(
      this.emulator.dm({ content }),
      this.options.answerTimeoutMs,
    );
    return this.#remember(message, "in your DMs", false);
  }

  async #press(number: number): Promise<Outcome> {
    const last = this.#last;
    if (!last)
      return { text: this.#problem("No answer yet: there is no button to press."), ok: false };
    const button = last.buttons.find((b) => b.number === number);
    if (!button) {
      const range = last.buttons.length ? `buttons 1 to ${last.buttons.length}` : "no buttons";
      return { text: this.#problem(`The last answer has ${range}.`), ok: false };
    }
    if (button.url) {
      return { text: this.#dim(`A link button: Discord opens ${button.url}`), ok: true };
    }
    if (!button.customId || button.disabled) {
      return { text: this.#problem(`Button ${number} cannot be pressed.`), ok: false };
    }
    const view = await this.emulator.interact(
      this.emulator.button({
        customId: button.customId,
        message: last.message,
        locale: this.#locale,
      }),
      this.options.answerTimeoutMs,
    );
    const note =
      view.callbackType === InteractionResponseType.UpdateMessage
        ? `updated its message (${button.label})`
        : `answered ${button.label}`;
    return this.#show(view, note);
  }

  #show(view: InteractionView, note: string): Outcome {
    const messages = [view.message, ...view.followUps].filter((m): m is APIMessage => m !== null);
    if (messages.length === 0) {
      if (view.choices) {
        return { text: view.choices.map((c) => `  • ${c.name}`).join("\n"), ok: true };
      }
      return { text: this.#problem("The bot acknowledged but showed nothing."), ok: false };
    }
    const parts: string[] = [];
    let outcome: Outcome = { text: "", ok: true };
    messages.forEach((message, i) => {
      outcome = this.#remember(message, i === 0 ? note : "follow-up", i === 0 && view.ephemeral);
      parts.push(outcome.text);
    });
    return { text: parts.join("\n\n"), ok: true };
  }

  #remember(message: APIMessage, note: string, ephemeral: boolean): Outcome {
    const rendered = renderMessage(message, {
      palette: this.options.palette,
      author: this.emulator.botUser.username,
      note,
      ephemeral,
    });
    this.#last = { message, buttons: rendered.buttons };
    return { text: rendered.text, ok: true };
  }

  help(): string {
    const lines = [
      "Slash commands (options as name: value, French names work too):",
      ...this.definitions.map((d) => `  ${usage(d)}`),
      "Anything else is a DM to the bot, e.g.: comment refuser l'entraînement de Grok ?",
      `  :locale fr | en-US   the language of your Discord client (now ${this.#locale})`,
      "  :press N             press button N of the last answer",
      "  :help, :quit         this help; leave (Ctrl-D works too)",
    ];
    return lines.join("\n");
  }

  #problem(text: string): string {
    return this.options.palette.color ? `\u001b[31m! ${text}\u001b[39m` : `! ${text}`;
  }

  #dim(text: string): string {
    return this.options.palette.color ? `\u001b[2m${text}\u001b[22m` : text;
  }

  /** Closes the bot (answers in flight first) and the emulator. Idempotent. */
  stop(): Promise<void> {
    this.#stopped ??= (async () => {
      await this.bot.stop().catch(() => undefined);
      await this.emulator.stop();
      rmSync(this.dataDir, { recursive: true, force: true });
    })();
    return this.#stopped;
  }
}

function explain(error: unknown): string {
  if (error instanceof EmulatorTimeoutError) {
    return `No answer from the bot in time. ${error.message.split("\n")[0] ?? ""}`.trim();
  }
  return error instanceof Error ? error.message : String(error);
}
