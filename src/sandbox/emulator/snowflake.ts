/** Discord's epoch (2015-01-01T00:00:00Z): snowflakes count milliseconds from it. */
const DISCORD_EPOCH = 1_420_070_400_000n;

/**
 * Makes real, strictly increasing snowflakes (timestamp + counter). Real ones matter: discord.js
 * reads creation times from them and @discordjs/rest keys rate-limit buckets on 17-19 digit ids.
 */
export class SnowflakeGenerator {
  #lastMs = 0n;
  #increment = 0n;

  next(now: number = Date.now()): string {
    let ms = BigInt(now);
    if (ms <= this.#lastMs) {
      // Same millisecond (or a clock step back): keep ids unique and ordered.
      ms = this.#lastMs;
      this.#increment += 1n;
      if (this.#increment > 0xfffn) {
        ms += 1n;
        this.#increment = 0n;
      }
    } else {
      this.#increment = 0n;
    }
    this.#lastMs = ms;
    // Worker 1, process 1: fixed, the emulator is a single process.
    return (((ms - DISCORD_EPOCH) << 22n) | (1n << 17n) | (1n << 12n) | this.#increment).toString();
  }
}

/** Milliseconds since the Unix epoch encoded in a snowflake. */
export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}
