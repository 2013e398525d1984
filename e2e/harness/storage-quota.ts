/**
 * The origin's storage quota, shrunk for real through the Chrome DevTools Protocol
 * (Storage.overrideQuotaForOrigin): OPFS writes past it throw QuotaExceededError in the
 * workers, as a full disk would. Chromium hands a file handle room in growing chunks, so a
 * large writer runs out well before the quota's last byte while small writes may still fit.
 */
import type { BrowserContext, CDPSession, Page } from "@playwright/test";

export class StorageQuota {
  private constructor(
    private readonly session: CDPSession,
    private readonly origin: string,
  ) {}

  static async of(context: BrowserContext, page: Page): Promise<StorageQuota> {
    return new StorageQuota(await context.newCDPSession(page), new URL(page.url()).origin);
  }

  /** Limit the origin to `bytes` in all (usage included). */
  async limitTo(bytes: number): Promise<void> {
    await this.session.send("Storage.overrideQuotaForOrigin", {
      origin: this.origin,
      quotaSize: bytes,
    });
  }

  /** Back to the browser's own quota. */
  async restore(): Promise<void> {
    await this.session.send("Storage.overrideQuotaForOrigin", { origin: this.origin });
  }
}
