import { once } from "node:events";
import { Client, GatewayIntentBits, Partials } from "discord.js";
import { DiscordEmulator, type DiscordEmulatorOptions } from "../../src/sandbox/emulator/index.js";

export const TOKEN = "emulator-test-token";
export const APP_ID = "1234567890123456789";

export interface Harness {
  emulator: DiscordEmulator;
  client: Client;
  /** Destroys the client and stops the emulator (safe to call twice). */
  close(): Promise<void>;
}

/** A fresh client built the way the bot builds its own. */
export function newClient(emulator: DiscordEmulator): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    rest: { api: emulator.apiBase },
  });
}

/** Starts an emulator and a logged-in, ready discord.js client. */
export async function startHarness(opts: Partial<DiscordEmulatorOptions> = {}): Promise<Harness> {
  const emulator = await DiscordEmulator.start({ token: TOKEN, applicationId: APP_ID, ...opts });
  const client = newClient(emulator);
  const close = async () => {
    await client.destroy();
    await emulator.stop();
  };
  try {
    const ready = once(client, "clientReady");
    await client.login(TOKEN);
    await ready;
  } catch (error) {
    await close();
    throw error;
  }
  return { emulator, client, close };
}
