/**
 * One client connection to one broker, as Kafka's NetworkClient keeps it: opened with an
 * ApiVersions exchange (v3, falling back to v0 when the broker is older), after which every
 * request goes out in the highest version both sides support. A request that gets no
 * answer within its timeout fails with RequestTimeoutError and closes the connection, so a
 * late answer can never be taken for the next one.
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { APIS, ApiKey } from "../../protocol/generated/api-table.ts";
import type { ApiVersionsResponse } from "../../protocol/generated/messages/api-versions-response.ts";
import type { BrokerAddress, ClientIo } from "../client-io.ts";
import { RequestTimeoutError } from "../connection-pool.ts";
import { Connection, ConnectionError } from "../connection.ts";

/** Versions this client will not use although it can encode them. */
const CLIENT_MIN_VERSION: ReadonlyMap<number, number> = new Map([
  // Only RecordBatch v2 (magic 2) is written and read.
  [ApiKey.Produce, 3],
  [ApiKey.Fetch, 4],
]);

export const CLIENT_SOFTWARE_NAME = "kafka-playground";
export const CLIENT_SOFTWARE_VERSION = "0.1.0";

export class UnsupportedVersionError extends Error {
  override readonly name = "UnsupportedVersionError";
}

export interface RequestOptions {
  timeoutMs: number;
  /** Highest version the caller can use (e.g. one whose fields it fills). */
  maxVersion?: number;
  /** Lowest version that has what the caller needs. */
  minVersion?: number;
}

type VersionRanges = ReadonlyMap<number, { min: number; max: number }>;

export class BrokerConnection {
  private brokerVersions: VersionRanges | null = null;
  private handshake: Promise<void> | null = null;

  private constructor(
    /** The broker's node id, or -1 for a bootstrap server whose id is not known yet. */
    readonly nodeId: number,
    readonly address: BrokerAddress,
    private readonly connection: Connection,
    private readonly io: ClientIo,
  ) {}

  /** Opens the connection (null when nobody answers at `address`); versions are asked on first use. */
  static open(
    nodeId: number,
    address: BrokerAddress,
    io: ClientIo,
    clientId: string,
    maxInFlight: number,
  ): BrokerConnection | null {
    const transport = io.connect(address);
    if (transport === null) return null;
    return new BrokerConnection(
      nodeId,
      address,
      new Connection(transport, clientId, maxInFlight),
      io,
    );
  }

  get closed(): boolean {
    return this.connection.closed;
  }

  get inFlight(): number {
    return this.connection.inFlight;
  }

  /** The version a request of `apiKey` goes out in, once the handshake is done. */
  versionFor(
    apiKey: number,
    options: Pick<RequestOptions, "minVersion" | "maxVersion"> = {},
  ): number {
    const spec = APIS.get(apiKey);
    if (spec === undefined) throw new Error(`no codec for API key ${apiKey}`);
    const broker = this.brokerVersions?.get(apiKey);
    const name = spec.name;
    if (broker === undefined) {
      throw new UnsupportedVersionError(`the broker does not support ${name}`);
    }
    const min = Math.max(
      spec.request.minVersion,
      CLIENT_MIN_VERSION.get(apiKey) ?? 0,
      options.minVersion ?? 0,
      broker.min,
    );
    const max = Math.min(spec.request.maxVersion, options.maxVersion ?? Infinity, broker.max);
    if (min > max) {
      throw new UnsupportedVersionError(
        `the broker supports ${name} versions ${broker.min}-${broker.max}, this client needs ${min}-${max}`,
      );
    }
    return max;
  }

  /** Sends one request in the best common version; resolves with the response and that version. */
  async request<Response>(
    apiKey: number,
    body: unknown,
    options: RequestOptions,
  ): Promise<{ response: Response; version: number }> {
    await this.negotiate(options.timeoutMs);
    const version = this.versionFor(apiKey, options);
    const response = await this.timed<Response>(apiKey, version, body, options.timeoutMs);
    return { response, version };
  }

  close(): void {
    this.connection.close();
  }

  private negotiate(timeoutMs: number): Promise<void> {
    this.handshake ??= this.askVersions(timeoutMs).catch((error: unknown) => {
      this.handshake = null;
      this.connection.close();
      throw error;
    });
    return this.handshake;
  }

  private async askVersions(timeoutMs: number): Promise<void> {
    const body = {
      clientSoftwareName: CLIENT_SOFTWARE_NAME,
      clientSoftwareVersion: CLIENT_SOFTWARE_VERSION,
    };
    let answer = await this.timed<ApiVersionsResponse>(ApiKey.ApiVersions, 3, body, timeoutMs);
    // A broker older than v3 answers UNSUPPORTED_VERSION in v0 form; ask again in v0.
    if (answer.errorCode === ErrorCode.UNSUPPORTED_VERSION) {
      answer = await this.timed<ApiVersionsResponse>(ApiKey.ApiVersions, 0, body, timeoutMs);
    }
    if (answer.errorCode !== ErrorCode.NONE) {
      throw new ConnectionError(`ApiVersions answered error code ${answer.errorCode}`);
    }
    this.brokerVersions = new Map(
      answer.apiKeys.map((key) => [key.apiKey, { min: key.minVersion, max: key.maxVersion }]),
    );
  }

  private timed<Response>(
    apiKey: number,
    version: number,
    body: unknown,
    timeoutMs: number,
  ): Promise<Response> {
    return new Promise<Response>((resolve, reject) => {
      let settled = false;
      this.io.after(timeoutMs, () => {
        if (settled) return;
        settled = true;
        reject(
          new RequestTimeoutError(
            `${APIS.get(apiKey)?.name ?? apiKey} to ${this.address.host}:${this.address.port} timed out after ${timeoutMs} ms`,
          ),
        );
        this.connection.close();
      });
      this.connection.request<Response>(apiKey, version, body).then(
        (response) => {
          if (settled) return;
          settled = true;
          resolve(response);
        },
        (error: unknown) => {
          if (settled) return;
          settled = true;
          reject(error instanceof Error ? error : new ConnectionError(String(error)));
        },
      );
    });
  }
}
