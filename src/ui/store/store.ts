/**
 * The page's one store: typed slices, actions at module level, read with single-value
 * selectors (DESIGN.md section 5).
 */
import { create } from "zustand";
import type { Language } from "../i18n/translate.ts";
import type { HandshakeResult, HandshakeSlice } from "./handshake-slice.ts";
import { initialLanguage, saveLanguage, type SettingsSlice } from "./settings-slice.ts";

export type PlaygroundState = SettingsSlice & HandshakeSlice;

export const usePlayground = create<PlaygroundState>(() => ({
  language: initialLanguage(),
  brokerState: "starting",
  handshake: { status: "pending", errorMessage: null, result: null },
}));

export function setLanguage(language: Language): void {
  saveLanguage(language);
  usePlayground.setState({ language });
}

export function setBrokerState(brokerState: HandshakeSlice["brokerState"]): void {
  usePlayground.setState({ brokerState });
}

export function startHandshake(): void {
  usePlayground.setState((state) => ({ handshake: { ...state.handshake, status: "pending" } }));
}

export function finishHandshake(result: HandshakeResult): void {
  usePlayground.setState({ handshake: { status: "ok", errorMessage: null, result } });
}

export function failHandshake(errorMessage: string): void {
  usePlayground.setState((state) => ({ handshake: { ...state.handshake, status: "error", errorMessage } }));
}
