// The package version, read once from package.json (OpenAPI's info.version and /metadata report it).
import { readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  version: string;
};

/** Semantic version of this ECHO build; starts with "1." for the openenv-http/1.x profile once released. */
export const VERSION: string = pkg.version;
