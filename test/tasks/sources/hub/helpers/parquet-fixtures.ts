// Parquet fixtures in the real Hub datasets' column layouts (struct columns, int64 cop), written with hyparquet-writer.
import type { SchemaElement } from "hyparquet";
import { parquetWriteBuffer } from "hyparquet-writer";

type Column = { name: string; data: unknown[] };

const str = (name: string): SchemaElement => ({
  name,
  type: "BYTE_ARRAY",
  converted_type: "UTF8",
  repetition_type: "OPTIONAL",
});
// pyarrow's three-level list: <name> (LIST) { repeated list { element } }
const list = (name: string, element: SchemaElement): SchemaElement[] => [
  { name, repetition_type: "OPTIONAL", converted_type: "LIST", num_children: 1 },
  { name: "list", repetition_type: "REPEATED", num_children: 1 },
  { ...element, name: "element" },
];
const struct = (name: string, children: SchemaElement[][]): SchemaElement[] => [
  { name, repetition_type: "OPTIONAL", num_children: children.length },
  ...children.flat(),
];

function write(schema: SchemaElement[][], columns: Column[], rowGroupSize?: number): Uint8Array {
  const flat = schema.flat();
  const buffer = parquetWriteBuffer({
    columnData: columns.map((column) => ({ name: column.name, data: column.data as never })),
    schema: [{ name: "schema", num_children: schema.length }, ...flat],
    ...(rowGroupSize ? { rowGroupSize } : {}),
  });
  return new Uint8Array(buffer);
}

const columnsOf = <T extends object>(rows: readonly T[], names: readonly (keyof T & string)[]): Column[] =>
  names.map((name) => ({ name, data: rows.map((row) => row[name]) }));

export interface Gsm8kRow {
  question: string;
  answer: string;
}
export const gsm8kParquet = (rows: readonly Gsm8kRow[]) =>
  write([[str("question")], [str("answer")]], columnsOf(rows, ["question", "answer"]));

export interface ArcRow {
  id: string;
  question: string;
  choices: { text: string[]; label: string[] };
  answerKey: string;
}
export const arcParquet = (rows: readonly ArcRow[]) =>
  write(
    [
      [str("id")],
      [str("question")],
      struct("choices", [list("text", str("")), list("label", str(""))]),
      [str("answerKey")],
    ],
    columnsOf(rows, ["id", "question", "choices", "answerKey"]),
  );

export interface TriviaQaRow {
  question: string;
  question_id: string;
  question_source: string;
  answer: {
    aliases: string[];
    normalized_aliases: string[];
    matched_wiki_entity_name: string;
    normalized_matched_wiki_entity_name: string;
    normalized_value: string;
    type: string;
    value: string;
  };
}
export const triviaQaParquet = (rows: readonly TriviaQaRow[]) =>
  write(
    [
      [str("question")],
      [str("question_id")],
      [str("question_source")],
      struct("entity_pages", [
        list("doc_source", str("")),
        list("filename", str("")),
        list("title", str("")),
        list("wiki_context", str("")),
      ]),
      struct("search_results", [
        list("description", str("")),
        list("filename", str("")),
        list("rank", { name: "", type: "INT32", repetition_type: "OPTIONAL" }),
        list("title", str("")),
        list("url", str("")),
        list("search_context", str("")),
      ]),
      struct("answer", [
        list("aliases", str("")),
        list("normalized_aliases", str("")),
        [str("matched_wiki_entity_name")],
        [str("normalized_matched_wiki_entity_name")],
        [str("normalized_value")],
        [str("type")],
        [str("value")],
      ]),
    ],
    [
      ...columnsOf(rows, ["question", "question_id", "question_source"]),
      {
        name: "entity_pages",
        data: rows.map(() => ({ doc_source: [], filename: [], title: [], wiki_context: [] })),
      },
      {
        name: "search_results",
        data: rows.map(() => ({
          description: [],
          filename: [],
          rank: [],
          title: [],
          url: [],
          search_context: [],
        })),
      },
      { name: "answer", data: rows.map((row) => row.answer) },
    ],
  );

export interface SciqRow {
  question: string;
  distractor3: string;
  distractor1: string;
  distractor2: string;
  correct_answer: string;
  support: string;
}
const SCIQ_COLUMNS = [
  "question",
  "distractor3",
  "distractor1",
  "distractor2",
  "correct_answer",
  "support",
] as const;
export const sciqParquet = (rows: readonly SciqRow[]) =>
  write(
    SCIQ_COLUMNS.map((name) => [str(name)]),
    columnsOf(rows, [...SCIQ_COLUMNS]),
  );

export interface MedmcqaRow {
  id: string;
  question: string;
  opa: string;
  opb: string;
  opc: string;
  opd: string;
  cop: bigint;
  choice_type: string;
  exp: string | null;
  subject_name: string;
  topic_name: string | null;
}
const MEDMCQA_TEXT = ["id", "question", "opa", "opb", "opc", "opd"] as const;
export const medmcqaParquet = (rows: readonly MedmcqaRow[], rowGroupSize?: number) =>
  write(
    [
      ...MEDMCQA_TEXT.map((name) => [str(name)]),
      [{ name: "cop", type: "INT64", repetition_type: "OPTIONAL" }],
      [str("choice_type")],
      [str("exp")],
      [str("subject_name")],
      [str("topic_name")],
    ],
    columnsOf(rows, [...MEDMCQA_TEXT, "cop", "choice_type", "exp", "subject_name", "topic_name"]),
    rowGroupSize,
  );

export interface Math500Row {
  problem: string;
  solution: string;
  answer: string;
  subject: string;
  level: bigint;
  unique_id: string;
}
const MATH500_TEXT = ["problem", "solution", "answer", "subject"] as const;
export const math500Parquet = (rows: readonly Math500Row[]) =>
  write(
    [
      ...MATH500_TEXT.map((name) => [str(name)]),
      [{ name: "level", type: "INT64", repetition_type: "OPTIONAL" }],
      [str("unique_id")],
    ],
    columnsOf(rows, [...MATH500_TEXT, "level", "unique_id"]),
  );

export interface BoolqRow {
  question: string;
  answer: boolean;
  passage: string;
}
export const boolqParquet = (rows: readonly BoolqRow[]) =>
  write(
    [[str("question")], [{ name: "answer", type: "BOOLEAN", repetition_type: "OPTIONAL" }], [str("passage")]],
    columnsOf(rows, ["question", "answer", "passage"]),
  );
