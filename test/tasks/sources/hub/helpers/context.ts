// A normalise context for unit tests.
import type { NormaliseContext } from "../../../../../src/tasks/sources/hub/hub-task.js";

export const SHA = "0123456789abcdef0123456789abcdef01234567";

export const contextFor = (overrides: Partial<NormaliseContext> = {}): NormaliseContext => ({
  key: "test",
  repo: "owner/name",
  config: "default",
  split: "train",
  revision: SHA,
  license: "MIT",
  domain: "math",
  ...overrides,
});
