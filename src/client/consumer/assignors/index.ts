/** The consumer's partition assignors and the consumer protocol bytes they travel in. */
export * from "./assignor.ts";
export {
  CooperativeStickyAssignor,
  COOPERATIVE_STICKY_ASSIGNOR_NAME,
} from "./cooperative-sticky-assignor.ts";
export { partitionsReassignedWhileOwned } from "./cooperative-validation.ts";
export * from "./consumer-protocol.ts";
export { RangeAssignor, RANGE_ASSIGNOR_NAME } from "./range-assignor.ts";
export * from "./resolve-assignors.ts";
export { RoundRobinAssignor, ROUNDROBIN_ASSIGNOR_NAME } from "./round-robin-assignor.ts";
export { StickyAssignor, STICKY_ASSIGNOR_NAME } from "./sticky-assignor.ts";
export * from "./sticky-user-data.ts";
