import { describe, expect, it } from "vitest";
import { transportPair } from "../../client/testing/in-memory-transport.ts";
import { GatedTransport } from "./gated-transport.ts";
import { PauseGate } from "./pause-gate.ts";

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function gatedPair(capacity?: number) {
  const [sender, receiver] = transportPair();
  const gate = new PauseGate(capacity);
  const gated = new GatedTransport(receiver, gate);
  const arrived: number[] = [];
  gated.onFrame((frame) => arrived.push(frame[0]!));
  let closedWith: string | null = null;
  gated.onClose((reason) => (closedWith = reason));
  return { sender, gate, arrived, closed: () => closedWith };
}

describe("a gated transport", () => {
  it("passes frames straight through an open gate", async () => {
    const { sender, gate, arrived } = gatedPair();
    expect(gate.passesNow).toBe(true);
    sender.send(Uint8Array.of(1));
    sender.send(Uint8Array.of(2));
    await settle();
    expect(arrived).toEqual([1, 2]);
  });

  it("holds frames at a closed gate and lets them through in order, before later ones", async () => {
    const { sender, gate, arrived } = gatedPair();
    gate.close();
    expect(gate.passesNow).toBe(false);
    sender.send(Uint8Array.of(1));
    sender.send(Uint8Array.of(2));
    await settle();
    expect(arrived).toEqual([]);
    gate.open();
    sender.send(Uint8Array.of(3));
    await settle();
    expect(arrived).toEqual([1, 2, 3]);
    expect(gate.passesNow).toBe(true);
  });

  it("breaks the connection off when the closed gate is full", async () => {
    const { sender, gate, arrived, closed } = gatedPair(1);
    gate.close();
    sender.send(Uint8Array.of(1));
    sender.send(Uint8Array.of(2));
    await settle();
    expect(closed()).not.toBeNull();
    gate.open();
    expect(arrived).toEqual([1]);
  });
});
