/** Scaffold: replaced by the area's real component. */
export function GroupsColumn() {
  return null;
}
