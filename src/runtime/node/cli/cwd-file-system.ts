/**
 * The files a command-line tool names, found as a shell finds them: relative paths from the
 * current directory, absolute paths as they are. A thin layer over the Node FileSystem
 * rooted at "/", which takes root-relative paths only.
 */
import { resolve } from "node:path";
import type { FileSystem, OpenOptions, StorageFile } from "../../../log/fs/file-system.ts";
import { NodeFileSystem } from "../node-file-system.ts";

export class CwdFileSystem implements FileSystem {
  readonly kind = "node";
  private readonly root = new NodeFileSystem("/");

  constructor(private readonly cwd: string) {}

  private rooted(path: string): string {
    return resolve(this.cwd, path).replace(/^\/+/, "");
  }

  open(path: string, options?: OpenOptions): Promise<StorageFile> {
    return this.root.open(this.rooted(path), options);
  }

  exists(path: string): Promise<boolean> {
    return this.root.exists(this.rooted(path));
  }

  list(directory: string): Promise<string[]> {
    return this.root.list(this.rooted(directory));
  }

  mkdir(directory: string): Promise<void> {
    return this.root.mkdir(this.rooted(directory));
  }

  rename(from: string, to: string): Promise<void> {
    return this.root.rename(this.rooted(from), this.rooted(to));
  }

  delete(path: string): Promise<void> {
    return this.root.delete(this.rooted(path));
  }
}
