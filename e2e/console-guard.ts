/** Fails a test on any console error or uncaught page error (the page must run clean). */
import { expect, type Page } from "@playwright/test";

export function collectPageErrors(page: Page): () => void {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return () => expect(errors, "console errors on the page").toEqual([]);
}
