// A small Dockerfile reader for the packaging tests: stages, instructions, exec forms, COPY and ENV arguments.

export interface Instruction {
  /** Upper-case keyword: FROM, RUN, COPY, ENV... */
  keyword: string;
  /** Everything after the keyword, continuation lines joined. */
  args: string;
}

export interface Stage {
  /** Image reference with global ARG defaults substituted, e.g. node:22-bookworm-slim. */
  image: string;
  name: string | undefined;
  instructions: Instruction[];
}

export interface Dockerfile {
  /** ARGs declared before the first FROM, with their defaults. */
  globalArgs: Record<string, string>;
  stages: Stage[];
}

/** Logical instructions: comments and blank lines dropped, `\`-continued lines joined. */
export function instructionsOf(text: string): Instruction[] {
  const out: Instruction[] = [];
  let pending = "";
  for (const raw of text.split("\n")) {
    const line = raw.trimEnd();
    if (line.trim().startsWith("#") || line.trim() === "") continue;
    if (line.endsWith("\\")) {
      pending += `${line.slice(0, -1).trim()} `;
      continue;
    }
    const whole = (pending + line.trim()).trim();
    pending = "";
    const keyword = whole.split(/\s+/)[0] ?? "";
    out.push({ keyword: keyword.toUpperCase(), args: whole.slice(keyword.length).trim() });
  }
  return out;
}

const substitute = (value: string, vars: Record<string, string>) =>
  value.replace(/\$\{(\w+)\}|\$(\w+)/g, (whole, a: string | undefined, b: string | undefined) => {
    const name = a ?? b ?? "";
    return name in vars ? (vars[name] as string) : whole;
  });

export function parseDockerfile(text: string): Dockerfile {
  const globalArgs: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const instruction of instructionsOf(text)) {
    if (instruction.keyword === "FROM") {
      const [image = "", as, name] = instruction.args.split(/\s+/);
      stages.push({
        image: substitute(image, globalArgs),
        name: as?.toUpperCase() === "AS" ? name : undefined,
        instructions: [],
      });
    } else if (stages.length === 0 && instruction.keyword === "ARG") {
      const [name = "", value = ""] = instruction.args.split("=");
      globalArgs[name] = value.replace(/^"(.*)"$/, "$1");
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return { globalArgs, stages };
}

export const argsOf = (stage: Stage, keyword: string): string[] =>
  stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);

/** `["node", "x"]` (exec form) as an array; a shell-form string gives undefined. */
export function execForm(args: string): string[] | undefined {
  if (!args.startsWith("[")) return undefined;
  const parsed: unknown = JSON.parse(args);
  return Array.isArray(parsed) && parsed.every((p) => typeof p === "string") ? parsed : undefined;
}

/** `KEY=value KEY2="v 2"` pairs of ENV instructions (the legacy `ENV KEY value` form too). */
export function envOf(stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const args of argsOf(stage, "ENV")) {
    if (!args.includes("=")) {
      const [key = "", ...value] = args.split(/\s+/);
      env[key] = value.join(" ");
      continue;
    }
    for (const match of args.matchAll(/(\w+)=("([^"]*)"|\S*)/g)) {
      env[match[1] as string] = match[3] ?? match[2] ?? "";
    }
  }
  return env;
}

export interface Copy {
  from: string | undefined;
  chown: string | undefined;
  sources: string[];
  dest: string;
}

/** `COPY [--from=x] [--chown=u:g] src... dest` (shell form). */
export function parseCopy(args: string): Copy {
  const words = args.split(/\s+/);
  const flags = words.filter((w) => w.startsWith("--"));
  const paths = words.filter((w) => !w.startsWith("--"));
  const flag = (name: string) => flags.find((f) => f.startsWith(`--${name}=`))?.slice(name.length + 3);
  return { from: flag("from"), chown: flag("chown"), sources: paths.slice(0, -1), dest: paths.at(-1) ?? "" };
}

export const copiesOf = (stage: Stage): Copy[] => argsOf(stage, "COPY").map(parseCopy);

/** HEALTHCHECK options and its command (exec form). */
export function healthcheckOf(stage: Stage): { options: string; command: string[] | undefined } | undefined {
  const args = argsOf(stage, "HEALTHCHECK").at(-1);
  if (args === undefined) return undefined;
  const at = args.indexOf("CMD ");
  if (at < 0) return { options: args, command: undefined };
  return { options: args.slice(0, at).trim(), command: execForm(args.slice(at + 4).trim()) };
}
