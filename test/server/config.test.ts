// loadConfig: blank numeric values, the API key's whitespace, and the curriculum variables.
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/server/config.js";

const KEY = "test-key-0123456789";

/** The message loadConfig throws for this environment. */
function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe("numeric variables", () => {
  it.each([
    "PORT",
    "ECHO_SEED",
    "MAX_CONCURRENT_ENVS",
    "SESSION_TIMEOUT_S",
    "ECHO_MAX_BATCH",
    "ECHO_CURRICULUM_ECE",
    "ECHO_CURRICULUM_MIN_EPISODES",
    "ECHO_CURRICULUM_WINDOW",
  ])("refuses a blank %s instead of reading it as 0", (name) => {
    for (const blank of [" ", "\t", "\n", "   "]) {
      expect(refusal({ [name]: blank })).toContain(`${name}=${JSON.stringify(blank)}: ${name} is blank`);
    }
  });

  it("still reads numbers, around which spaces are harmless, and leaves an empty value unset", () => {
    expect(loadConfig({ PORT: " 8080 ", ECHO_SEED: "7" })).toMatchObject({ PORT: 8080, ECHO_SEED: 7 });
    expect(loadConfig({ PORT: "", ECHO_SEED: "" })).toMatchObject({ PORT: 8000, ECHO_SEED: 0 });
    expect(refusal({ PORT: "abc" })).toContain('PORT="abc"');
  });
});

describe("ECHO_API_KEY", () => {
  it("is trimmed, so a pasted trailing newline or space still works", () => {
    expect(loadConfig({ ECHO_API_KEY: `${KEY}\n` }).ECHO_API_KEY).toBe(KEY);
    expect(loadConfig({ ECHO_API_KEY: `  ${KEY} \r\n` }).ECHO_API_KEY).toBe(KEY);
  });

  it("refuses a key with whitespace inside, saying why and never echoing it", () => {
    for (const key of ["abcd efgh ijkl", "abcdefgh\tijkl", "abcdefgh\nijkl"]) {
      const message = refusal({ ECHO_API_KEY: key });
      expect(message).toContain("ECHO_API_KEY=(hidden): ECHO_API_KEY must not contain spaces");
      expect(message).not.toContain("abcd");
    }
  });

  it("counts the length after trimming", () => {
    expect(refusal({ ECHO_API_KEY: "  short   " })).toContain("at least 8 characters");
  });
});

describe("curriculum variables", () => {
  it("are unset by default, so the curriculum keeps its own defaults", () => {
    const config = loadConfig({});
    expect(config.ECHO_CURRICULUM_ECE).toBeUndefined();
    expect(config.ECHO_CURRICULUM_MIN_EPISODES).toBeUndefined();
    expect(config.ECHO_CURRICULUM_WINDOW).toBeUndefined();
  });

  it("reads valid values", () => {
    expect(
      loadConfig({
        ECHO_CURRICULUM_ECE: "0.1",
        ECHO_CURRICULUM_MIN_EPISODES: "50",
        ECHO_CURRICULUM_WINDOW: "100",
      }),
    ).toMatchObject({
      ECHO_CURRICULUM_ECE: 0.1,
      ECHO_CURRICULUM_MIN_EPISODES: 50,
      ECHO_CURRICULUM_WINDOW: 100,
    });
  });

  it.each([
    ["ECHO_CURRICULUM_ECE", "0", "above 0"],
    ["ECHO_CURRICULUM_ECE", "1", "below 1"],
    ["ECHO_CURRICULUM_ECE", "-0.2", "above 0"],
    ["ECHO_CURRICULUM_ECE", "20", "below 1"],
    ["ECHO_CURRICULUM_ECE", "abc", "expected number"],
    ["ECHO_CURRICULUM_MIN_EPISODES", "0", ">=1"],
    ["ECHO_CURRICULUM_MIN_EPISODES", "2.5", "whole number"],
    ["ECHO_CURRICULUM_WINDOW", "0", "at least 10 episodes"],
    ["ECHO_CURRICULUM_WINDOW", "9", "at least 10 episodes"],
    ["ECHO_CURRICULUM_WINDOW", "12.5", "whole number"],
  ])("refuses %s=%s, saying %j", (name, value, says) => {
    const message = refusal({ [name]: value });
    expect(message).toContain(`${name}=${JSON.stringify(value)}`);
    expect(message).toContain(says);
  });
});
