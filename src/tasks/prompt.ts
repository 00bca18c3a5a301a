// Builds the exact text every client sees for a task, as a plain string and as chat messages.
import { z } from "zod";
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

/**
 * @example buildPrompt(task, { showDifficulty: true }).messages[1].content
 */
export function buildPrompt(task: Task, options: { showDifficulty: boolean }): TaskPrompt {
  const user = formatQuestion(task, options.showDifficulty);
  return {
    text: `${SYSTEM_PROMPT}\n\n${user}`,
    messages: [
      { role: "system", content: SYSTEM_PROMPT },
      { role: "user", content: user },
    ],
  };
}
