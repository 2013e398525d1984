import { describe, expect, it } from "vitest";
import { defaultConsumerSettings } from "../store/clients-slice.ts";
import { parseSavedClients } from "./saved-clients.ts";

describe("saved consumers from before extraTopics and commitBeforeProcessing", () => {
  it("are read back as they were, the fields they lack meaning their defaults", () => {
    const { extraTopics, commitBeforeProcessing, ...older } = defaultConsumerSettings(
      "orders",
      "g",
    );
    const json = JSON.stringify({
      producers: [],
      consumers: [{ id: "consumer-1", settings: older }],
    });
    expect(parseSavedClients(json).consumers).toEqual([
      { id: "consumer-1", settings: { ...older, extraTopics, commitBeforeProcessing } },
    ]);
  });

  it("keep what they saved, and are dropped when a field has the wrong type", () => {
    const settings = {
      ...defaultConsumerSettings("orders", "g"),
      extraTopics: ["payments"],
      commitBeforeProcessing: true,
    };
    const json = (changed: object) =>
      JSON.stringify({ producers: [], consumers: [{ id: "consumer-1", settings: changed }] });
    expect(parseSavedClients(json(settings)).consumers[0]?.settings).toEqual(settings);
    expect(parseSavedClients(json({ ...settings, extraTopics: "payments" })).consumers).toEqual([]);
    expect(parseSavedClients(json({ ...settings, extraTopics: [3] })).consumers).toEqual([]);
    expect(
      parseSavedClients(json({ ...settings, commitBeforeProcessing: "yes" })).consumers,
    ).toEqual([]);
    // The older fields may not be left out.
    const { groupId: _dropped, ...withoutGroup } = settings;
    expect(parseSavedClients(json(withoutGroup)).consumers).toEqual([]);
  });
});
