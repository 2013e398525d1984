/**
 * A card that selects its thing when clicked (anywhere but on one of its own controls) or
 * when focused and Enter or Space is pressed.
 */
import type { KeyboardEvent, MouseEvent } from "react";

const CONTROLS = "button, input, select, textarea, a, [role='menuitem']";

export function activateHandlers(activate: () => void) {
  return {
    onClick(event: MouseEvent<HTMLElement>) {
      const control = (event.target as HTMLElement).closest(CONTROLS);
      // A control inside the card does its own thing; a nested card selects itself.
      if (control !== null && event.currentTarget.contains(control)) return;
      if ((event.target as HTMLElement).closest("[data-activates]") !== event.currentTarget) return;
      activate();
    },
    onKeyDown(event: KeyboardEvent<HTMLElement>) {
      if (event.target !== event.currentTarget) return;
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      activate();
    },
  };
}
