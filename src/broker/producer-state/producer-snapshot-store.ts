/**
 * The producer snapshot files of one partition directory: which offsets have one, writing
 * a new one, loading the newest readable one, and deleting the rest. As in Kafka, a
 * snapshot is written in place and flushed; a write torn by a crash fails its CRC on the
 * next load and the file is deleted, so loading falls back to the next older snapshot.
 */
import type { FileSystem } from "../../log/fs/file-system.ts";
import type { ProducerStateEntry } from "./producer-state-entry.ts";
import {
  decodeProducerSnapshot,
  offsetOfProducerSnapshot,
  producerSnapshotFileName,
  type ProducerSnapshotRead,
} from "./producer-snapshot-file.ts";

export class ProducerSnapshotStore {
  private constructor(
    private readonly fs: FileSystem,
    private readonly directory: string,
    /** Offsets with a snapshot file, ascending. */
    private readonly offsets: bigint[],
  ) {}

  static async open(fs: FileSystem, directory: string): Promise<ProducerSnapshotStore> {
    await fs.mkdir(directory);
    const offsets: bigint[] = [];
    for (const name of await fs.list(directory)) {
      const offset = offsetOfProducerSnapshot(name);
      if (offset !== null) offsets.push(offset);
    }
    // Twenty zero-padded digits sort by name as they sort by number.
    return new ProducerSnapshotStore(fs, directory, offsets);
  }

  /** Offsets with a snapshot, oldest first. */
  list(): readonly bigint[] {
    return this.offsets;
  }

  get latestOffset(): bigint | null {
    return this.offsets.at(-1) ?? null;
  }

  private path(offset: bigint): string {
    return `${this.directory}/${producerSnapshotFileName(offset)}`;
  }

  async write(offset: bigint, bytes: Uint8Array): Promise<void> {
    const file = await this.fs.open(this.path(offset), { create: true });
    try {
      file.truncate(0);
      file.write(0, bytes);
      await file.flush();
    } finally {
      await file.close();
    }
    if (!this.offsets.includes(offset)) {
      this.offsets.push(offset);
      this.offsets.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    }
  }

  async delete(offset: bigint): Promise<void> {
    const index = this.offsets.indexOf(offset);
    if (index >= 0) this.offsets.splice(index, 1);
    await this.fs.delete(this.path(offset));
  }

  async deleteWhere(doomed: (offset: bigint) => boolean): Promise<void> {
    for (const offset of this.offsets.filter(doomed)) await this.delete(offset);
  }

  /** Delete all but the newest `count` snapshots. */
  async retainNewest(count: number): Promise<void> {
    const excess = this.offsets.length - count;
    for (const offset of this.offsets.slice(0, Math.max(0, excess))) await this.delete(offset);
  }

  private async read(offset: bigint): Promise<ProducerSnapshotRead> {
    const file = await this.fs.open(this.path(offset));
    try {
      // Decoded before the file closes: the bytes may be a view into the backend's memory.
      return decodeProducerSnapshot(file.read(0, file.size()));
    } finally {
      await file.close();
    }
  }

  /** The newest snapshot that reads back whole; corrupt ones are deleted on the way (Kafka). */
  async loadNewest(): Promise<{ offset: bigint; entries: ProducerStateEntry[] } | null> {
    for (;;) {
      const offset = this.latestOffset;
      if (offset === null) return null;
      const read = await this.read(offset);
      if (read.ok) return { offset, entries: read.entries };
      await this.delete(offset);
    }
  }
}
