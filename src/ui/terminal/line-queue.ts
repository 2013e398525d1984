/**
 * A running tool's standard input: the lines the user types while it runs, kept until the
 * tool reads them (at most `limit` waiting), ended by Ctrl-D. Like a terminal's input
 * buffer, lines the tool never read are still there when it exits, for the shell.
 */

/** Lines typed ahead of the tool that are kept; more are refused. */
export const STDIN_LIMIT = 10_000;

export class LineQueue {
  private readonly waiting: string[] = [];
  private readonly readers: ((result: IteratorResult<string, undefined>) => void)[] = [];
  private ended = false;
  private reading = false;

  constructor(
    private readonly limit = STDIN_LIMIT,
    /** Told of each line as the tool takes it (the terminal echoes it then). */
    private readonly onTaken: (line: string) => void = () => {},
  ) {}

  /** Whether the tool has asked for its input (the console producer does; the consumer never). */
  get isRead(): boolean {
    return this.reading;
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /** Adds a line; false when the input has ended or `limit` lines already wait. */
  push(line: string): boolean {
    if (this.ended) return false;
    const reader = this.readers.shift();
    if (reader !== undefined) {
      this.onTaken(line);
      reader({ value: line, done: false });
      return true;
    }
    if (this.waiting.length >= this.limit) return false;
    this.waiting.push(line);
    return true;
  }

  /** End of input (Ctrl-D): reads after the waiting lines find the end. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    for (const reader of this.readers.splice(0)) reader({ value: undefined, done: true });
  }

  /** The lines typed and not read, taken out of the queue. */
  takeUnread(): string[] {
    return this.waiting.splice(0);
  }

  /** The input as a tool reads it (ToolIo.readLines). */
  lines(): AsyncIterable<string> {
    this.reading = true;
    return {
      [Symbol.asyncIterator]: () => ({
        next: () => this.next(),
        return: async () => {
          this.end();
          return { value: undefined, done: true };
        },
      }),
    };
  }

  private next(): Promise<IteratorResult<string, undefined>> {
    const line = this.waiting.shift();
    if (line !== undefined) {
      this.onTaken(line);
      return Promise.resolve({ value: line, done: false });
    }
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.readers.push(resolve));
  }
}
