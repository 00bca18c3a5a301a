// Self-validation of tasks: each one's own gold must grade correct, and obvious wrong answers must not.
import { gradeAnswer } from "../core/grading/index.js";
import { optionLetter, type Task } from "./task.js";

export interface TaskProblem {
  task_id: string;
  problem: string;
}

/** Problems with one task (empty when it is sound). */
export function checkTask(task: Task): string[] {
  const problems: string[] = [];
  const expect = (answer: string, correct: boolean, why: string) => {
    const grade = gradeAnswer(task, answer);
    if (grade.correct !== correct) {
      problems.push(
        `${why}: ${JSON.stringify(answer)} graded ${grade.correct ? "correct" : "wrong"} (${grade.method})`,
      );
    }
  };
  expect(task.answer, true, "gold");
  expect("", false, "empty answer");
  if (!task.answerable || task.grader === "unanswerable") {
    // Declining is right and any substantive answer wrong; "The answer is cannot be answered." is neither.
    expect("I don't know", true, "decline");
    expect("This question cannot be answered.", true, "decline");
    for (const answer of ["42", "yes", "Paris"]) expect(answer, false, "substantive answer");
    return problems;
  }
  expect(`The answer is ${task.answer}.`, true, "gold after an anchor");
  switch (task.grader) {
    case "multiple_choice":
      for (let i = 0; i < (task.choices?.length ?? 0); i++) {
        if (i !== task.answer_index) expect(optionLetter(i), false, "wrong option");
      }
      break;
    case "numeric": {
      const gold = Number(task.answer.replace(/,/g, ""));
      if (Number.isFinite(gold)) expect(String(gold + 1), false, "near-miss number");
      break;
    }
    case "yes_no":
      expect(/^(yes|true)$/i.test(task.answer) ? "no" : "yes", false, "opposite");
      break;
    default:
      for (const alias of task.aliases) expect(alias, true, "alias");
      expect("I don't know", false, "abstention");
  }
  return problems;
}

/** Checks every task; returns how many were checked and what failed. */
export function validateTasks(tasks: Iterable<Task>): { checked: number; problems: TaskProblem[] } {
  let checked = 0;
  const problems: TaskProblem[] = [];
  for (const task of tasks) {
    checked++;
    for (const problem of checkTask(task)) problems.push({ task_id: task.id, problem });
  }
  return { checked, problems };
}
