/** Scaffold: replaced by the area's real component. */
export function Toasts() {
  return null;
}
