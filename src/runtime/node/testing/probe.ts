/**
 * Ask a broker over TCP whether it answers: one ApiVersions request on a fresh connection.
 */
import { Connection } from "../../../client/connection.ts";
import { ApiKey } from "../../../protocol/generated/api-table.ts";
import type { ApiVersionsResponse } from "../../../protocol/generated/messages/api-versions-response.ts";
import { TcpTransport } from "../tcp-transport.ts";

export async function askApiVersions(host: string, port: number): Promise<ApiVersionsResponse> {
  const connection = new Connection(TcpTransport.connect(host, port), "probe");
  try {
    return await connection.request<ApiVersionsResponse>(ApiKey.ApiVersions, 3, {
      clientSoftwareName: "probe",
      clientSoftwareVersion: "1",
    });
  } finally {
    connection.close();
  }
}

/** "host:port,host:port" → endpoints. */
export function parseBootstrapServers(text: string): { host: string; port: number }[] {
  return text.split(",").map((item) => {
    const colon = item.lastIndexOf(":");
    return { host: item.slice(0, colon), port: Number(item.slice(colon + 1)) };
  });
}
