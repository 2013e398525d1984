/**
 * The Terminal tab in the production build: Kafka's command lines typed as Kafka's
 * documentation writes them (`kafka-topics.sh --bootstrap-server ...`) run against the
 * in-browser cluster and print Kafka's output, and what they do shows on the canvas by
 * itself: a topic created in the terminal appears, records produced there move its
 * partitions' high watermarks, a console consumer's group appears. Also: typed lines as a
 * producer's input ended by Ctrl-D, a preferred leader election, an error as Kafka prints
 * it, ↑ history, Tab completion, and Ctrl-C stopping a consumer that would read for ever.
 */
import type { Locator, Page } from "@playwright/test";
import { expect, openPlayground, test } from "./playground-fixture.ts";

const SERVER = "--bootstrap-server broker-1:9092";
const CREATE = `kafka-topics.sh ${SERVER} --create --topic from-terminal --partitions 2 --replication-factor 3`;
const GROUP = "terminal-readers";

interface Terminal {
  panel: Locator;
  output: Locator;
  input: Locator;
  /** Types `line`, presses Enter and waits until the terminal is ready again with `exitCode`. */
  run(line: string, exitCode?: number): Promise<void>;
}

function terminalOf(page: Page): Terminal {
  const panel = page.getByTestId("terminal");
  const output = panel.getByRole("log", { name: "Terminal output" });
  const input = page.getByTestId("terminal-input");
  return {
    panel,
    output,
    input,
    async run(line, exitCode = 0) {
      await input.fill(line);
      await input.press("Enter");
      await expect(panel).toHaveAttribute("data-running", "false", { timeout: 30_000 });
      await expect(panel).toHaveAttribute("data-exit-code", String(exitCode));
    },
  };
}

/** The records in the topic's partitions, as the canvas's partition tapes show their high watermarks. */
async function recordsOnCanvas(page: Page, topic: string, partitions: number): Promise<number> {
  let total = 0;
  for (let partition = 0; partition < partitions; partition++) {
    const hw = await page.getByTestId(`partition-${topic}-${partition}`).getAttribute("data-hw");
    total += Number(hw ?? 0);
  }
  return total;
}

test("the terminal runs Kafka's tools against the cluster, and the canvas shows what they did", async ({
  page,
  snapshot,
}) => {
  // About 45 s on an idle machine; the margin is for a loaded one.
  test.setTimeout(180_000);
  await openPlayground(page);
  await page.getByRole("button", { name: "Got it" }).click();
  await page.getByRole("tab", { name: "Terminal" }).click();
  const terminal = terminalOf(page);
  const { panel, output, input } = terminal;
  await expect(output).toContainText("Kafka's command-line tools");
  await expect(output).toContainText(
    "The brokers listen at broker-1:9092, broker-2:9092, broker-3:9092.",
  );

  // A topic created in the terminal appears on the canvas.
  await input.click();
  await terminal.run(CREATE);
  await expect(output).toContainText("Created topic from-terminal.");
  await expect(page.getByTestId("topic-from-terminal")).toBeVisible();
  await terminal.run(`kafka-topics ${SERVER} --describe --topic from-terminal`);
  await expect(output).toContainText(
    /Topic: from-terminal\s+TopicId: \S+\s+PartitionCount: 2\s+ReplicationFactor: 3/,
  );
  await expect(output).toContainText(/Topic: from-terminal\s+Partition: 1\s+Leader: \d/);

  // The console producer reads typed lines until Ctrl-D; the records reach the partitions.
  await input.fill(`kafka-console-producer.sh ${SERVER} --topic from-terminal`);
  await input.press("Enter");
  await expect(panel.getByRole("button", { name: "End input (Ctrl-D)" })).toBeVisible({
    timeout: 30_000,
  });
  for (const line of ["hello", "world"]) {
    await input.fill(line);
    await input.press("Enter");
    await expect(output).toContainText(`>${line}`);
  }
  await input.press("Control+d");
  await expect(panel).toHaveAttribute("data-running", "false", { timeout: 30_000 });
  await expect(panel).toHaveAttribute("data-exit-code", "0");
  await page.getByTestId("topic-from-terminal").click();
  await expect.poll(() => recordsOnCanvas(page, "from-terminal", 2), { timeout: 30_000 }).toBe(2);

  // The console consumer prints them; its group shows on the canvas and in kafka-consumer-groups.
  await input.click();
  await terminal.run(
    `kafka-console-consumer.sh ${SERVER} --topic from-terminal --group ${GROUP} --from-beginning --max-messages 2`,
  );
  await expect(output).toContainText("Processed a total of 2 messages");
  await expect(output.getByText("hello", { exact: true })).toBeVisible();
  await expect(output.getByText("world", { exact: true })).toBeVisible();
  await expect(page.getByTestId(`group-${GROUP}`)).toBeVisible({ timeout: 30_000 });
  await terminal.run(`kafka-consumer-groups.sh ${SERVER} --describe --group ${GROUP}`);
  await expect(output).toContainText(`Consumer group '${GROUP}' has no active members.`);
  await expect(output).toContainText(
    /GROUP\s+TOPIC\s+PARTITION\s+CURRENT-OFFSET\s+LOG-END-OFFSET\s+LAG/,
  );

  // kafka-configs changes a topic config and describes it.
  await terminal.run(
    `kafka-configs.sh ${SERVER} --entity-type topics --entity-name from-terminal --alter --add-config retention.ms=3600000`,
  );
  await expect(output).toContainText("Completed updating config for topic from-terminal.");
  await terminal.run(
    `kafka-configs.sh ${SERVER} --entity-type topics --entity-name from-terminal --describe`,
  );
  await expect(output).toContainText("Dynamic configs for topic from-terminal are:");
  await expect(output).toContainText("retention.ms=3600000 sensitive=false");

  // kafka-leader-election asks the controller for a preferred leader.
  await terminal.run(
    `kafka-leader-election.sh ${SERVER} --election-type preferred --topic from-terminal --partition 0`,
  );
  await expect(output).toContainText(
    /(Successfully completed leader election \(PREFERRED\)|Valid replica already elected) for partitions from-terminal-0/,
  );

  // An error as Kafka prints it: the message on standard output, the logged exception in red.
  await terminal.run(CREATE, 1);
  await expect(output).toContainText(
    "Error while executing topic command : Topic 'from-terminal' already exists.",
  );
  const logged = output.locator(".term-err", { hasText: "TopicExistsException" });
  await expect(logged).toBeVisible();
  const outputColour = await output
    .locator(".term-out")
    .first()
    .evaluate((element) => getComputedStyle(element).color);
  await expect(logged).not.toHaveCSS("color", outputColour);
  await snapshot("terminal-error");

  // ↑ brings back the last command; Tab completes tools, options and topics.
  await input.press("ArrowUp");
  await expect(input).toHaveValue(CREATE);
  await input.fill("kafka-consumer-g");
  await input.press("Tab");
  await expect(input).toHaveValue("kafka-consumer-groups ");
  await input.fill(`kafka-topics ${SERVER} --desc`);
  await input.press("Tab");
  await expect(input).toHaveValue(`kafka-topics ${SERVER} --describe `);
  await input.pressSequentially("--topic from-t");
  await input.press("Tab");
  await expect(input).toHaveValue(`kafka-topics ${SERVER} --describe --topic from-terminal `);
  await input.fill("");

  // Ctrl-C stops a consumer that has no --max-messages: it closes and counts, as Kafka's does.
  await input.fill(
    `kafka-console-consumer ${SERVER} --topic from-terminal --from-beginning --property print.offset=true`,
  );
  await input.press("Enter");
  await expect(output.getByText(/^Offset:\d\t(hello|world)$/)).toHaveCount(2, { timeout: 30_000 });
  await expect(panel).toHaveAttribute("data-running", "true");
  await input.press("Control+c");
  await expect(panel).toHaveAttribute("data-running", "false", { timeout: 30_000 });
  await expect(panel).toHaveAttribute("data-exit-code", "130");
  await expect(output.locator(".term-line").last()).toHaveText("Processed a total of 2 messages");
  await snapshot("terminal-interrupted");
});
