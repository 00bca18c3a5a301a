// Reads a V8 .cpuprofile (node --cpu-prof) into the functions with the most self and total time.
import { ROOT } from "./children.js";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self and total sample counts per function (name + file + line), highest first. */
export function summarise(profile: CpuProfile, top = 40): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfCount = new Map<number, number>();
  for (const id of profile.samples) selfCount.set(id, (selfCount.get(id) ?? 0) + 1);
  const key = (n: ProfileNode) => {
    const file = n.callFrame.url.replace(/^file:\/\//, "").replace(ROOT, "");
    return `${n.callFrame.functionName || "(anonymous)"} ${file}:${n.callFrame.lineNumber + 1}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  for (const [id, count] of selfCount) {
    const node = byId.get(id) as ProfileNode;
    self.set(key(node), (self.get(key(node)) ?? 0) + count);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = key(byId.get(at) as ProfileNode);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + count);
    }
  }
  const samples = profile.samples.length;
  const list = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `${((100 * v) / samples).toFixed(1).padStart(5)}%  ${k}`)
      .join("\n");
  return `samples: ${samples}\n\nSELF\n${list(self)}\n\nTOTAL\n${list(total)}`;
}
