import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import {
  type APIUser,
  type ApplicationFlags,
  GatewayCloseCodes,
  GatewayDispatchEvents,
  type GatewayDispatchPayload,
  type GatewayGuildCreateDispatchData,
  type GatewayHelloData,
  GatewayOpcodes,
  type GatewayReadyDispatchData,
} from "discord-api-types/v10";
import { type WebSocket, WebSocketServer } from "ws";
import type { EmulatorLogger } from "./events.js";
import type { SnowflakeGenerator } from "./snowflake.js";

/** A dispatch as it goes on the wire. */
interface SentDispatch {
  op: GatewayOpcodes.Dispatch;
  t: string;
  s: number;
  d: unknown;
}

interface Session {
  id: string;
  intents: number;
  sequence: number;
  /** Recent dispatches, replayed on RESUME (Discord keeps a bounded backlog too). */
  backlog: SentDispatch[];
  socket: WebSocket | null;
  connectionId: number | null;
  /** False once the session ended (normal close, non-resumable invalidation). */
  alive: boolean;
}

const BACKLOG_LIMIT = 1000;

export interface GatewayOptions {
  token: string;
  heartbeatIntervalMs: number;
  url: () => string;
  log: EmulatorLogger;
  ids: SnowflakeGenerator;
  applicationId: string;
  botUser: APIUser;
  guilds: () => GatewayGuildCreateDispatchData[];
}

/** Which intent a dispatch needs; events not listed go to every session. */
export type IntentFilter = (intents: number) => boolean;

/**
 * The gateway side: v10 JSON over WebSocket, no compression. Sessions outlive sockets so a
 * client that lost its connection can RESUME and get what it missed, as on Discord.
 */
export class Gateway {
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #sessions = new Map<string, Session>();
  readonly #sockets = new Set<WebSocket>();
  #nextConnectionId = 1;
  #identified = 0;
  readonly #listeners = new Set<() => void>();

  constructor(private readonly opts: GatewayOptions) {}

  /** Sessions created by a successful IDENTIFY since start (a RESUME does not add one). */
  get identifyCount(): number {
    return this.#identified;
  }

  /** Live sessions with an open socket. */
  get connectedSessions(): number {
    let n = 0;
    for (const s of this.#sessions.values()) if (s.alive && s.socket) n++;
    return n;
  }

  /** Called after every gateway state change, for waits. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#wss.handleUpgrade(req, socket, head, (ws) => this.#accept(ws));
  }

  #changed(): void {
    for (const l of this.#listeners) l();
  }

  #send(ws: WebSocket, payload: unknown): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(payload));
  }

  #accept(ws: WebSocket): void {
    const connectionId = this.#nextConnectionId++;
    this.#sockets.add(ws);
    this.opts.log({ type: "gateway.open", connectionId });
    let session: Session | null = null;
    const hello: GatewayHelloData = { heartbeat_interval: this.opts.heartbeatIntervalMs };
    this.#send(ws, { op: GatewayOpcodes.Hello, d: hello, s: null, t: null });

    ws.on("message", (raw, isBinary) => {
      let payload: { op?: unknown; d?: unknown };
      try {
        if (isBinary) throw new Error("binary frame");
        payload = JSON.parse(raw.toString()) as { op?: unknown; d?: unknown };
      } catch {
        ws.close(GatewayCloseCodes.DecodeError, "Error while decoding payload.");
        return;
      }
      const d = (payload.d ?? {}) as Record<string, unknown>;
      switch (payload.op) {
        case GatewayOpcodes.Heartbeat:
          this.#send(ws, { op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null });
          return;
        case GatewayOpcodes.Identify: {
          if (session?.alive) {
            ws.close(
              GatewayCloseCodes.AlreadyAuthenticated,
              "You sent more than one identify payload.",
            );
            return;
          }
          if (!this.#tokenOk(d.token)) {
            this.opts.log({ type: "gateway.identify.rejected", connectionId, reason: "bad token" });
            ws.close(GatewayCloseCodes.AuthenticationFailed, "Authentication failed.");
            return;
          }
          session = this.#identify(ws, connectionId, Number(d.intents ?? 0));
          return;
        }
        case GatewayOpcodes.Resume: {
          if (!this.#tokenOk(d.token)) {
            ws.close(GatewayCloseCodes.AuthenticationFailed, "Authentication failed.");
            return;
          }
          const found = this.#sessions.get(String(d.session_id));
          if (!found?.alive) {
            this.#send(ws, { op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
            return;
          }
          session = found;
          this.#resume(ws, connectionId, found, Number(d.seq ?? 0));
          return;
        }
        case GatewayOpcodes.PresenceUpdate:
        case GatewayOpcodes.VoiceStateUpdate:
        case GatewayOpcodes.RequestGuildMembers:
          // Accepted and ignored: nothing in the emulator depends on presence or voice.
          return;
        default:
          ws.close(GatewayCloseCodes.UnknownOpcode, "Unknown opcode.");
      }
    });

    ws.on("close", (code) => {
      this.#sockets.delete(ws);
      const current = session;
      if (current && current.socket === ws) {
        current.socket = null;
        current.connectionId = null;
        // A client that closes normally ends its session; any other close may resume.
        if (code === 1000 || code === 1001) current.alive = false;
      }
      this.opts.log({
        type: "gateway.close",
        connectionId,
        code,
        ...(current ? { sessionId: current.id } : {}),
      });
      this.#changed();
    });
    ws.on("error", () => {
      // A reset socket surfaces here and then closes; the close handler cleans up.
    });
  }

  #tokenOk(token: unknown): boolean {
    if (typeof token !== "string") return false;
    return token === this.opts.token || token === `Bot ${this.opts.token}`;
  }

  #identify(ws: WebSocket, connectionId: number, intents: number): Session {
    const session: Session = {
      id: randomBytes(16).toString("hex"),
      intents,
      sequence: 0,
      backlog: [],
      socket: ws,
      connectionId,
      alive: true,
    };
    this.#sessions.set(session.id, session);
    this.#identified++;
    this.opts.log({ type: "gateway.identify", connectionId, sessionId: session.id, intents });
    const guilds = this.opts.guilds();
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: this.opts.botUser,
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.opts.url(),
      shard: [0, 1],
      application: { id: this.opts.applicationId, flags: 0 as ApplicationFlags, flags_new: "0" },
    };
    this.#dispatchTo(session, GatewayDispatchEvents.Ready, ready);
    // discord.js holds `clientReady` until every READY guild got its GUILD_CREATE (else 15 s).
    for (const guild of guilds) this.#dispatchTo(session, GatewayDispatchEvents.GuildCreate, guild);
    this.#changed();
    return session;
  }

  #resume(ws: WebSocket, connectionId: number, session: Session, seq: number): void {
    if (session.socket && session.socket !== ws) {
      // The old socket is a zombie from the client's point of view: drop it.
      session.socket.terminate();
    }
    session.socket = ws;
    session.connectionId = connectionId;
    const missed = session.backlog.filter((p) => p.s > seq);
    for (const p of missed) this.#send(ws, p);
    this.opts.log({
      type: "gateway.resume",
      connectionId,
      sessionId: session.id,
      replayed: missed.length,
    });
    this.#dispatchTo(session, GatewayDispatchEvents.Resumed, {});
    this.#changed();
  }

  #dispatchTo(session: Session, event: string, data: unknown): void {
    session.sequence += 1;
    const payload: SentDispatch = {
      op: GatewayOpcodes.Dispatch,
      t: event,
      s: session.sequence,
      d: data,
    };
    session.backlog.push(payload);
    if (session.backlog.length > BACKLOG_LIMIT) session.backlog.shift();
    const delivered = session.socket !== null && session.socket.readyState === session.socket.OPEN;
    if (delivered && session.socket) this.#send(session.socket, payload);
    this.opts.log({
      type: "dispatch",
      event,
      sessionId: session.id,
      sequence: session.sequence,
      delivered,
    });
  }

  /**
   * Sends a dispatch to every live session (connected or waiting to resume) whose intents pass
   * `filter`. Returns how many sessions got it (delivered now or queued for RESUME).
   */
  dispatch<T extends GatewayDispatchPayload>(
    event: T["t"],
    data: T["d"],
    filter: IntentFilter = () => true,
  ): number {
    let n = 0;
    for (const session of this.#sessions.values()) {
      if (!session.alive || !filter(session.intents)) continue;
      this.#dispatchTo(session, event, data);
      n++;
    }
    return n;
  }

  /** Op 7: asks every connected client to reconnect and resume. */
  reconnect(): void {
    for (const s of this.#sessions.values()) {
      if (s.alive && s.socket)
        this.#send(s.socket, { op: GatewayOpcodes.Reconnect, d: null, s: null, t: null });
    }
  }

  /** Op 9: a non-resumable invalidation ends the sessions (the client must IDENTIFY again). */
  invalidateSession(resumable: boolean): void {
    for (const s of this.#sessions.values()) {
      if (!s.alive || !s.socket) continue;
      this.#send(s.socket, { op: GatewayOpcodes.InvalidSession, d: resumable, s: null, t: null });
      if (!resumable) s.alive = false;
    }
    this.#changed();
  }

  /** Kills every socket without a close frame (the client sees 1006 and resumes). */
  dropConnections(): number {
    let n = 0;
    for (const s of this.#sessions.values()) {
      if (s.socket) {
        const socket = s.socket;
        s.socket = null;
        s.connectionId = null;
        socket.terminate();
        n++;
      }
    }
    this.#changed();
    return n;
  }

  /** Closes every socket; used on stop. */
  close(): void {
    for (const ws of this.#sockets) ws.terminate();
    this.#sockets.clear();
    for (const s of this.#sessions.values()) {
      s.alive = false;
      s.socket = null;
    }
    this.#wss.close();
  }
}
