/**
 * A group leaves this coordinator: deleted (DeleteGroups, or emptied and expired by offset
 * retention) or moved (its partition's leadership left this broker). It becomes Dead, its
 * timers stop, and its members and offsets are forgotten in memory.
 */
import type { ClassicGroup } from "./classic-group.ts";
import type { CoordinatorContext } from "./coordinator-context.ts";
import { timerKeys } from "./coordinator-timers.ts";
import { transition } from "./rebalance.ts";

export function removeGroup(ctx: CoordinatorContext, group: ClassicGroup, reason: string): void {
  if (!group.is("Dead")) transition(ctx, group, "Dead", reason);
  ctx.timers.cancelPrefix(timerKeys.group(group.groupId));
  if (ctx.groups.get(group.groupId) === group) ctx.groups.delete(group.groupId);
  ctx.offsets.forgetGroup(group.groupId);
}
