import type { APIMessage, InteractionResponseType } from "discord-api-types/v10";

/** One REST request the bot made, as the emulator saw it. */
export interface RecordedRequest {
  method: string;
  /** Decoded path after `/api/v10`, e.g. `/webhooks/1/abc/messages/@original`. */
  route: string;
  /** Parsed JSON body; for multipart requests the parsed `payload_json` part. */
  body: unknown;
  /** File names of multipart attachments, in order. */
  files: string[];
  query: Record<string, string>;
  /** Date.now() when the request arrived. */
  at: number;
  /** Status the emulator answered with; set once answered. */
  status?: number;
  /** The `X-Audit-Log-Reason` header, decoded, when present. */
  auditLogReason?: string;
}

/** What happened inside the emulator, for a log hook (the sandbox REPL prints these). */
export type EmulatorEvent =
  | { type: "listening"; apiBase: string; gatewayUrl: string }
  | { type: "request"; request: RecordedRequest }
  | { type: "fault"; method: string; route: string; status: number; code: number }
  | { type: "gateway.open"; connectionId: number }
  | { type: "gateway.identify"; connectionId: number; sessionId: string; intents: number }
  | { type: "gateway.identify.rejected"; connectionId: number; reason: string }
  | { type: "gateway.resume"; connectionId: number; sessionId: string; replayed: number }
  | { type: "gateway.close"; connectionId: number; code: number; sessionId?: string }
  | {
      type: "dispatch";
      event: string;
      sessionId: string;
      sequence: number;
      /** False when the session had no open socket: the event waits for a RESUME. */
      delivered: boolean;
    }
  | {
      type: "interaction.callback";
      interactionId: string;
      callbackType: InteractionResponseType;
    }
  | { type: "message"; action: "create" | "update" | "delete"; message: APIMessage }
  | { type: "stopped" };

export type EmulatorLogger = (event: EmulatorEvent) => void;
