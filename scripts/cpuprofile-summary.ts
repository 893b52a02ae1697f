// Summarises V8 .cpuprofile files (from `node --cpu-prof`, or BENCH_CPU_PROFILE=dir for
// `npm run bench`): self time by function and by package, and inclusive time by function.
//
//   npx tsx scripts/cpuprofile-summary.ts [--top N] [--no-idle] file.cpuprofile [more…]
//
// Several files are summed. Times are milliseconds of the profiled thread (the JavaScript
// thread: WebCrypto's work on libuv's thread pool shows only as the time spent waiting for it).
import { readFileSync } from "node:fs";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Which package a frame belongs to: an npm package, a folder of ours, a Node internal, or V8's own bucket. */
function packageOf(frame: CallFrame): string {
  const url = frame.url;
  if (!url) return frame.functionName.startsWith("(") ? frame.functionName : "(native)";
  const modules = url.lastIndexOf("/node_modules/");
  if (modules !== -1) {
    const [scope, name] = url.slice(modules + "/node_modules/".length).split("/");
    return scope!.startsWith("@") ? `${scope}/${name}` : scope!;
  }
  if (url.startsWith("node:")) return `node:${url.slice(5).split("/").slice(0, 2).join("/")}`;
  const ours = /\/(src|scripts|db|test)\/([^/]+)/.exec(url);
  if (ours) return ours[2]!.includes(".") ? ours[1]! : `${ours[1]}/${ours[2]}`;
  return url;
}

function frameName(frame: CallFrame): string {
  const file = frame.url ? frame.url.replace(/^.*\/node_modules\//, "").replace(/^file:\/\/.*?\/(src|scripts|db|test)\//, "$1/") : "";
  return `${frame.functionName || "(anonymous)"}${file ? ` ${file}:${frame.lineNumber + 1}` : ""}`;
}

interface Summary {
  totalMs: number;
  idleMs: number;
  selfByFunction: Map<string, number>;
  selfByPackage: Map<string, number>;
  inclusiveByFunction: Map<string, number>;
}

function summarise(profiles: CpuProfile[], skipIdle: boolean): Summary {
  const summary: Summary = { totalMs: 0, idleMs: 0, selfByFunction: new Map(), selfByPackage: new Map(), inclusiveByFunction: new Map() };
  const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
  for (const profile of profiles) {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    profile.samples.forEach((id, i) => {
      // timeDeltas[i] is the time since the previous sample: the time this sample stands for.
      const ms = Math.max(0, profile.timeDeltas[i] ?? 0) / 1000;
      const node = byId.get(id)!;
      if (node.callFrame.functionName === "(idle)") {
        summary.idleMs += ms;
        if (skipIdle) return;
      }
      summary.totalMs += ms;
      add(summary.selfByFunction, frameName(node.callFrame), ms);
      add(summary.selfByPackage, packageOf(node.callFrame), ms);
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const name = frameName(byId.get(at)!.callFrame);
        if (!seen.has(name)) {
          seen.add(name);
          add(summary.inclusiveByFunction, name, ms);
        }
      }
    });
  }
  return summary;
}

function table(title: string, map: Map<string, number>, total: number, top: number): string {
  const rows = [...map].sort((a, b) => b[1] - a[1]).slice(0, top);
  const lines = rows.map(([name, ms]) => `${ms.toFixed(1).padStart(10)} ms ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${name}`);
  return `${title}\n${lines.join("\n")}\n`;
}

function main(): void {
  const args = process.argv.slice(2);
  let top = 25;
  let skipIdle = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--top") top = Number(args[++i]);
    else if (args[i] === "--no-idle") skipIdle = true;
    else files.push(args[i]!);
  }
  if (files.length === 0) {
    process.stderr.write("usage: tsx scripts/cpuprofile-summary.ts [--top N] [--no-idle] file.cpuprofile [more…]\n");
    process.exitCode = 2;
    return;
  }
  const s = summarise(files.map((f) => JSON.parse(readFileSync(f, "utf8")) as CpuProfile), skipIdle);
  process.stdout.write(`sampled: ${s.totalMs.toFixed(0)} ms (idle ${s.idleMs.toFixed(0)} ms${skipIdle ? ", left out" : ""})\n\n`);
  process.stdout.write(table("self time by package", s.selfByPackage, s.totalMs, top) + "\n");
  process.stdout.write(table("self time by function", s.selfByFunction, s.totalMs, top) + "\n");
  process.stdout.write(table("inclusive time by function", s.inclusiveByFunction, s.totalMs, top));
}

main();
