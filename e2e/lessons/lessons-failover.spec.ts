/**
 * Lesson 15 (failover end to end) taken in the production build, on a fresh profile: the
 * first broker is killed and the dead ones are brought back with the broker cards' own
 * buttons, the rest with "Show me"; every step is marked done only by the lesson's check
 * on the live cluster. Not on the profile the other lessons share: after lesson 10 the
 * page has shown the lesson's new topic without its replicas (replication factor 0), an
 * open bug.
 */
import { leaderOf } from "../playground/playground-driver.ts";
import { test } from "../playground/playground-fixture.ts";
import { killBroker, pressOnBroker, replicaBrokers } from "./broker-moves.ts";
import { lessonRecorder, openForLesson, takeLesson } from "./lesson-driver.ts";

test("lesson 15: brokers die one by one until writes stop, and nothing acknowledged is lost", async ({
  page,
  snapshot,
}) => {
  test.setTimeout(300_000);
  await openForLesson(page);
  const record = lessonRecorder(snapshot, "lesson-15");
  const topic = "lesson-failover";
  await takeLesson(page, "failover", {
    moves: {
      "first-down": async (p) => killBroker(p, await leaderOf(p, topic, 0)),
      "bring-back": async (p) => {
        for (const id of await replicaBrokers(p, topic)) {
          const card = p.getByTestId(`broker-${id}`);
          if ((await card.getAttribute("data-state")) === "dead") {
            await pressOnBroker(p, id, "Restart broker");
          }
        }
      },
    },
    afterStep: record.afterStep,
  });
  record.finish();
});
