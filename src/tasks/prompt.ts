// Builds the exact text every client sees for a task, as a plain string and as chat messages.
import { z } from "zod";
import { DEFAULT_RESPONSE_FORMAT, type ResponseFormat } from "../core/response-format.js";
import type { Task } from "./task.js";
import { optionLetter } from "./task.js";

export const SYSTEM_PROMPT = [
  "You are answering questions and must say how confident you are that your answer is correct.",
  "Reply in exactly this format:",
  "<confidence>N</confidence><answer>YOUR ANSWER</answer>",
  "where N is an integer from 0 to 100: the probability, in percent, that your answer is correct.",
  "Be honest: being confidently wrong costs more than admitting doubt.",
  "For multiple-choice questions answer with the option letter only.",
  'If you do not know, you may answer "I don\'t know" with a low confidence.',
].join("\n");

/** The line the answer_line prompt asks for, with its placeholders (the parser reads it filled in). */
export const ANSWER_LINE_TEMPLATE = "ANSWER: YOUR ANSWER with N% probability";

export const ANSWER_LINE_SYSTEM_PROMPT = [
  "You are answering questions and must say how confident you are that your answer is correct.",
  "You may reason first. End your reply with one final line in exactly this format:",
  ANSWER_LINE_TEMPLATE,
  "where N is an integer from 0 to 100: the probability, in percent, that your answer is correct.",
  "Be honest: being confidently wrong costs more than admitting doubt.",
  "For multiple-choice questions answer with the option letter only; for yes/no questions, YES or NO.",
  'If you do not know, you may answer "I don\'t know" with a low probability.',
].join("\n");

/** The system prompt for each response format. */
export const SYSTEM_PROMPTS: Readonly<Record<ResponseFormat, string>> = Object.freeze({
  tags: SYSTEM_PROMPT,
  answer_line: ANSWER_LINE_SYSTEM_PROMPT,
});

export const ChatMessage = z
  .object({
    role: z.enum(["system", "user"]).describe("Chat role"),
    content: z.string().describe("Message text"),
  })
  .meta({ id: "ChatMessage" });
export type ChatMessage = z.infer<typeof ChatMessage>;

export const TaskPrompt = z
  .object({
    text: z.string().describe("System instructions and question as one plain string"),
    messages: z.array(ChatMessage).describe("The same prompt as chat messages (system, user)"),
  })
  .meta({ id: "TaskPrompt" });
export type TaskPrompt = z.infer<typeof TaskPrompt>;

/** The user turn: optional difficulty line, the passage if any, the question, then lettered options. */
export function formatQuestion(task: Task, showDifficulty: boolean): string {
  const lines: string[] = [];
  if (showDifficulty) lines.push(`Difficulty: ${task.difficulty}`);
  lines.push(`Domain: ${task.domain}`, "");
  if (task.passage) lines.push(`Passage: ${task.passage}`, "", `Question: ${task.question}`);
  else lines.push(task.question);
  if (task.choices) {
    lines.push("");
    task.choices.forEach((choice, i) => {
      lines.push(`${optionLetter(i)}) ${choice}`);
    });
  }
  return lines.join("\n");
}

/** How to build a prompt: whether to show the difficulty, and which response format to ask for (default tags). */
export interface PromptOptions {
  showDifficulty: boolean;
  responseFormat?: ResponseFormat | undefined;
}

/**
 * The system prompt asks for the chosen response format; the user turn is the same for every format.
 * @example buildPrompt(task, { showDifficulty: true, responseFormat: "answer_line" }).messages[0].content
 */
export function buildPrompt(task: Task, options: PromptOptions): TaskPrompt {
  const user = formatQuestion(task, options.showDifficulty);
  const system = SYSTEM_PROMPTS[options.responseFormat ?? DEFAULT_RESPONSE_FORMAT] ?? SYSTEM_PROMPT;
  return {
    text: `${system}\n\n${user}`,
    messages: [
      { role: "system", content: system },
      { role: "user", content: user },
    ],
  };
}
