/**
 * Java's heartbeat thread, on the shell's timers: while the member has a generation (from
 * the JoinGroup answer on), a Heartbeat every heartbeat.interval.ms, whatever the user's
 * handler is doing. It also keeps the two clocks Kafka keeps: no successful heartbeat for
 * session.timeout.ms means the coordinator is probably gone (find it again), and no poll
 * for max.poll.interval.ms means the handler is stuck, so the member leaves the group
 * (LeaveGroup) and lets the others carry on; its next poll rejoins. Timers cannot be
 * cancelled, so a tick that belongs to an older start is ignored.
 */
import type { ClientIo } from "../client-io.ts";
import type { ConsumerConfig } from "./consumer-config.ts";
import type { CoordinatorChannel } from "./coordinator-channel.ts";
import type { GroupMembership } from "./group-membership.ts";

export interface HeartbeatHooks {
  onHeartbeat(): void;
  /** max.poll.interval.ms passed without a poll. */
  onPollTimeout(): void;
  onFatal(error: Error): void;
}

export class HeartbeatTimer {
  private token = 0;
  private running = false;
  private inFlight = false;
  private nextHeartbeatMs = 0;
  private lastReceiveMs = 0;
  private lastPollMs = 0;

  constructor(
    private readonly io: ClientIo,
    private readonly membership: GroupMembership,
    private readonly channel: CoordinatorChannel,
    private readonly config: Pick<
      ConsumerConfig,
      "heartbeatIntervalMs" | "sessionTimeoutMs" | "maxPollIntervalMs" | "retryBackoffMs"
    >,
    private readonly hooks: HeartbeatHooks,
  ) {}

  /** Heartbeats start (again) with fresh timers: the member just joined a generation. */
  enable(): void {
    const now = this.io.nowMs();
    this.lastReceiveMs = now;
    this.lastPollMs = now;
    this.nextHeartbeatMs = now + this.config.heartbeatIntervalMs;
    this.running = true;
    this.schedule(++this.token, this.config.heartbeatIntervalMs);
  }

  disable(): void {
    this.running = false;
    this.token++;
  }

  /** The run loop polled: max.poll.interval.ms starts again. */
  poll(): void {
    this.lastPollMs = this.io.nowMs();
  }

  /** A heartbeat now if one is due (KafkaJS's heartbeat() in a handler). */
  async heartbeatIfDue(): Promise<void> {
    if (!this.running || this.inFlight || this.io.nowMs() < this.nextHeartbeatMs) return;
    await this.send();
  }

  private schedule(token: number, delayMs: number): void {
    this.io.after(Math.max(1, delayMs), () => this.tick(token));
  }

  private tick(token: number): void {
    if (token !== this.token || !this.running) return;
    const state = this.membership.state;
    if (state === "unjoined" || state === "preparing-rebalance") {
      // Not in a generation: a JoinGroup (or nothing) is what keeps us in; enable() restarts.
      this.running = false;
      return;
    }
    const now = this.io.nowMs();
    const { heartbeatIntervalMs, sessionTimeoutMs, maxPollIntervalMs, retryBackoffMs } =
      this.config;
    if (this.channel.nodeId === null) {
      void this.channel.ensure().catch(() => {});
      this.schedule(token, retryBackoffMs);
      return;
    }
    if (now - this.lastReceiveMs > sessionTimeoutMs) {
      // No answer for a whole session: the coordinator may be gone; look for it again.
      this.channel.markUnknown();
      this.lastReceiveMs = now;
      this.schedule(token, retryBackoffMs);
      return;
    }
    if (now - this.lastPollMs > maxPollIntervalMs) {
      this.running = false;
      this.hooks.onPollTimeout();
      return;
    }
    if (!this.inFlight && now >= this.nextHeartbeatMs) void this.send();
    const untilPollTimeout = this.lastPollMs + maxPollIntervalMs + 1 - now;
    const untilHeartbeat = this.inFlight ? heartbeatIntervalMs : this.nextHeartbeatMs - now;
    this.schedule(token, Math.min(untilPollTimeout, untilHeartbeat));
  }

  private async send(): Promise<void> {
    this.inFlight = true;
    this.nextHeartbeatMs = this.io.nowMs() + this.config.heartbeatIntervalMs;
    try {
      const outcome = await this.membership.heartbeat();
      if (outcome === "ok") {
        this.lastReceiveMs = this.io.nowMs();
        this.hooks.onHeartbeat();
      } else if (outcome === "retry") {
        this.nextHeartbeatMs = this.io.nowMs() + this.config.retryBackoffMs;
      } else {
        this.disable();
        this.hooks.onFatal(outcome.fatal);
      }
    } catch (error) {
      this.disable();
      this.hooks.onFatal(error instanceof Error ? error : new Error(String(error)));
    } finally {
      this.inFlight = false;
    }
  }
}
