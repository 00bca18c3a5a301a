// A small tmpfs of its own for a test that needs a disk that really fills up. Mounting needs root (CI runs as
// root); where it cannot mount, `tmpfsAvailable` is false and those tests are skipped, while the fault-
// injecting store (faulty-history.ts) still covers every fault.
import { execFileSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";

const mounted: string[] = [];

afterEach(() => {
  for (const dir of mounted.splice(0)) unmount(dir);
});

function unmount(dir: string): void {
  try {
    execFileSync("umount", ["-l", dir], { stdio: "ignore" });
  } catch {
    // already gone
  }
  rmSync(dir, { recursive: true, force: true });
}

/** Mounts a tmpfs of `sizeKb` on a fresh directory (unmounted after the test); throws when it cannot. */
export function mountTmpfs(sizeKb: number): string {
  const dir = mkdtempSync(join(tmpdir(), "echo-tmpfs-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${sizeKb}k,mode=700`, "tmpfs", dir], {
      stdio: "ignore",
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  mounted.push(dir);
  return dir;
}

/** Whether this process can mount a tmpfs (tried once, with a 64 KiB one). */
export const tmpfsAvailable: boolean = (() => {
  try {
    const dir = mkdtempSync(join(tmpdir(), "echo-tmpfs-probe-"));
    try {
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir], { stdio: "ignore" });
    } catch {
      rmSync(dir, { recursive: true, force: true });
      return false;
    }
    unmount(dir);
    return true;
  } catch {
    return false;
  }
})();

/** Writes zeros to `path` until the file system is full; returns the bytes written. */
export function fillDisk(path: string): number {
  const fd = openSync(path, "w");
  const chunk = Buffer.alloc(16 * 1024);
  let written = 0;
  try {
    for (;;) {
      try {
        written += writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOSPC") break;
        throw error;
      }
    }
    // The last partial chunk may have fit: fill the rest byte-wise.
    const byte = Buffer.alloc(512);
    for (;;) {
      try {
        written += writeSync(fd, byte);
      } catch {
        break;
      }
    }
  } finally {
    closeSync(fd);
  }
  return written;
}
