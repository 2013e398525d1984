/**
 * Time for the network fabric: what "now" is and how to run something later, both in
 * node time. The browser shell backs it with its scaled, pausable clock, the simulator and
 * the tests with a manual one, so latency and retransmission delays follow the
 * playground's time control like everything else.
 */
export interface Scheduler {
  nowMs(): number;
  /** Run `run` once `delayMs` of node time has passed. Equal due times run in call order. */
  after(delayMs: number, run: () => void): void;
}
