import { expect, test } from "@playwright/test";
import { collectPageErrors } from "./console-guard.ts";

test("the page exchanges a real ApiVersions frame with a broker worker", async ({ page }) => {
  const expectNoErrors = collectPageErrors(page);
  await page.goto("/");

  await expect(page.getByTestId("handshake-status")).toHaveAttribute("data-state", "ok");
  await expect(page.getByTestId("broker-1")).toHaveAttribute("data-state", "alive");

  // The broker advertises what its handler registry holds: ApiVersions v0-4.
  await expect(page.getByTestId("api-version-18")).toContainText("ApiVersions");
  await expect(page.getByTestId("api-version-18")).toContainText("0–4");

  // The response carries the request's correlation id, and both frames are shown as bytes.
  const request = page.getByTestId("request-frame");
  const response = page.getByTestId("response-frame");
  const correlationId = await request.getAttribute("data-correlation-id");
  expect(correlationId).not.toBeNull();
  await expect(response).toHaveAttribute("data-correlation-id", correlationId!);
  // Request frame: 4-byte size, then api key 18 (0x0012) and version 4 (0x0004).
  await expect(request.locator("pre")).toContainText(/^0000 {2}00 00 00 [0-9a-f]{2} 00 12 00 04/);

  await page.screenshot({ path: "e2e/artifacts/api-versions-en.png", fullPage: true });

  // Korean, and asking again over a new connection.
  await page.getByTestId("language-select").selectOption("ko");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kafka 플레이그라운드");
  await page.getByRole("button", { name: "다시 묻기" }).click();
  await expect(page.getByTestId("handshake-status")).toHaveAttribute("data-state", "ok");
  await expect(page.getByTestId("handshake-status")).toContainText("지원하는 API: 1개");
  await page.screenshot({ path: "e2e/artifacts/api-versions-ko.png", fullPage: true });

  expectNoErrors();
});

test("the language choice survives a reload", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("language-select").selectOption("ko");
  await page.reload();
  await expect(page.getByTestId("language-select")).toHaveValue("ko");
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
});
