/**
 * The broker's handlers by API key. ApiVersions answers from here, so what the broker
 * advertises is exactly what it can handle. Registering a key twice is a programmer error.
 */
import { APIS } from "../protocol/generated/api-table.ts";
import type { Handler } from "./handler.ts";
import { apiVersionsHandler } from "./handlers/18-api-versions.ts";

export interface SupportedVersions {
  apiKey: number;
  minVersion: number;
  maxVersion: number;
}

export class HandlerRegistry<Services = unknown> {
  private readonly handlers = new Map<number, Handler<never, unknown, Services>>();

  register(handler: Handler<never, unknown, Services>): this {
    const api = APIS.get(handler.apiKey);
    if (api === undefined) throw new Error(`no codec for API key ${handler.apiKey}`);
    if (this.handlers.has(handler.apiKey)) throw new Error(`${api.name} is registered twice`);
    if (
      handler.minVersion < api.request.minVersion ||
      handler.maxVersion > api.request.maxVersion
    ) {
      throw new Error(
        `${api.name} handler claims v${handler.minVersion}-${handler.maxVersion}, codecs have v${api.request.minVersion}-${api.request.maxVersion}`,
      );
    }
    this.handlers.set(handler.apiKey, handler);
    return this;
  }

  get(apiKey: number): Handler<never, unknown, Services> | undefined {
    return this.handlers.get(apiKey);
  }

  supports(apiKey: number, version: number): boolean {
    const handler = this.handlers.get(apiKey);
    return handler !== undefined && version >= handler.minVersion && version <= handler.maxVersion;
  }

  /** Every registered API with its version range, by key: the body of ApiVersions. */
  supportedVersions(): SupportedVersions[] {
    return [...this.handlers.values()]
      .map(({ apiKey, minVersion, maxVersion }) => ({ apiKey, minVersion, maxVersion }))
      .sort((a, b) => a.apiKey - b.apiKey);
  }
}

/** Just ApiVersions: what a listener answers before it serves anything else. */
export function createHandlerRegistry(): HandlerRegistry {
  return new HandlerRegistry().register(apiVersionsHandler);
}
