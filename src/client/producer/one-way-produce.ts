/**
 * Produce with acks=0: Kafka's broker sends no answer at all, and Kafka's client counts a
 * record as sent once its request is written to the socket. The shared ClientCluster only
 * makes request/response exchanges (a request without an answer would look timed out and
 * close the connection), so these go on a write-only connection of their own per broker,
 * in the Produce version the broker supports (asked once with ApiVersions).
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import type { ApiVersionsResponse } from "../../protocol/generated/messages/api-versions-response.ts";
import type { ProduceRequest } from "../../protocol/generated/messages/produce-request.ts";
import { ProduceRequestSpec } from "../../protocol/generated/messages/produce-request.ts";
import { encodeRequestFrame } from "../../protocol/frames.ts";
import type { ClientCluster } from "../cluster/client-cluster.ts";
import {
  CLIENT_SOFTWARE_NAME,
  CLIENT_SOFTWARE_VERSION,
  UnsupportedVersionError,
} from "../cluster/broker-connection.ts";
import { ConnectionError } from "../connection.ts";
import type { Transport } from "../transport.ts";

/** Only RecordBatch v2 is written: Produce v3 and later. */
const PRODUCE_MIN_VERSION = 3;

export class OneWayProduce {
  private readonly transports = new Map<number, Transport>();
  private readonly versions = new Map<number, number>();
  private nextCorrelationId = 0;

  constructor(private readonly cluster: ClientCluster) {}

  /** Writes `request` (acks=0) to broker `nodeId`; resolves once it is on the wire. */
  async send(nodeId: number, request: ProduceRequest): Promise<void> {
    const version = await this.produceVersion(nodeId);
    const transport = this.transportTo(nodeId);
    const correlationId = this.nextCorrelationId;
    this.nextCorrelationId = (this.nextCorrelationId + 1) | 0;
    transport.send(
      encodeRequestFrame(
        {
          apiKey: ApiKey.Produce,
          apiVersion: version,
          correlationId,
          clientId: this.cluster.clientId,
        },
        request,
      ),
    );
  }

  close(): void {
    for (const transport of this.transports.values()) transport.close();
    this.transports.clear();
  }

  private async produceVersion(nodeId: number): Promise<number> {
    const known = this.versions.get(nodeId);
    if (known !== undefined) return known;
    const { response } = await this.cluster.request<ApiVersionsResponse>(
      nodeId,
      ApiKey.ApiVersions,
      {
        clientSoftwareName: CLIENT_SOFTWARE_NAME,
        clientSoftwareVersion: CLIENT_SOFTWARE_VERSION,
      },
    );
    const range = response.apiKeys.find((key) => key.apiKey === ApiKey.Produce);
    const version = Math.min(range?.maxVersion ?? -1, ProduceRequestSpec.maxVersion);
    if (range === undefined || version < Math.max(PRODUCE_MIN_VERSION, range.minVersion)) {
      throw new UnsupportedVersionError(
        `broker ${nodeId} offers no Produce version this client can write`,
      );
    }
    this.versions.set(nodeId, version);
    return version;
  }

  private transportTo(nodeId: number): Transport {
    const open = this.transports.get(nodeId);
    if (open !== undefined) return open;
    const broker = this.cluster.metadata.brokers.get(nodeId);
    const transport = broker === undefined ? null : this.cluster.io.connect(broker);
    if (transport === null) throw new ConnectionError(`broker ${nodeId} is unreachable`);
    // Nothing is expected back; a closed link is reopened on the next send.
    transport.onFrame(() => {});
    transport.onClose(() => {
      if (this.transports.get(nodeId) === transport) this.transports.delete(nodeId);
    });
    this.transports.set(nodeId, transport);
    return transport;
  }
}
