/**
 * Calls `onChange` (at most once per animation frame) when something that moves cards on
 * screen happens: the container or the window resizes, something inside it scrolls, or
 * elements are added to or removed from it (outside `ignored`). Text changes (counters) do
 * not count, so a busy cluster does not redraw what has not moved.
 */
export function watchLayout(
  container: HTMLElement,
  ignored: Element,
  onChange: () => void,
): () => void {
  let frame = 0;
  const schedule = () => {
    if (frame !== 0) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      onChange();
    });
  };
  const resize = new ResizeObserver(schedule);
  resize.observe(container);
  // Changes inside `ignored` (the layer's own drawing) are not the layout moving.
  const mutations = new MutationObserver((records) => {
    if (records.some((record) => !ignored.contains(record.target))) schedule();
  });
  mutations.observe(container, { childList: true, subtree: true });
  // A scroll inside the container moves cards under the layer; one around it moves the
  // layer with them, and the dock's lists, which scroll all the time, move nothing here.
  const scrolled = (event: Event) => {
    const target = event.target;
    if (target instanceof Node && container.contains(target) && !ignored.contains(target))
      schedule();
  };
  window.addEventListener("resize", schedule);
  document.addEventListener("scroll", scrolled, { capture: true, passive: true });
  return () => {
    cancelAnimationFrame(frame);
    resize.disconnect();
    mutations.disconnect();
    window.removeEventListener("resize", schedule);
    document.removeEventListener("scroll", scrolled, { capture: true });
  };
}
