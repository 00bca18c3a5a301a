// The ceiling: a minimal Fastify app on the same Node and machine. POST /echo answers a small JSON body and
// /ws echoes every frame (@fastify/websocket), so ratios against it say how much of the framework ECHO keeps.
// POST /observation answers an object shaped and sized like ECHO's step reply (~2 KB, serialised each time):
// the part of the gap that is only the size of ECHO's replies.
import websocket from "@fastify/websocket";
import Fastify from "fastify";

const app = Fastify({ logger: false });
await app.register(websocket);
app.get("/health", async () => ({ status: "healthy" }));
app.post("/echo", async (request) => request.body);
const line = "You are answering questions and must say how confident you are that your answer is correct.";
const system = Array.from({ length: 7 }, () => line).join("\n");
const user =
  "Domain: science\n\nWhich gas do plants take in from the air to make their food?\n\nA) oxygen\nB) carbon dioxide";
app.post("/observation", async (request) => ({
  observation: {
    episode_id: "3f1c2a9e-8d4b-4c7a-9e51-2b6f0d8a7c13",
    task_id: `sciq/train/${(request.body as { n?: number }).n ?? 0}`,
    question: "Which gas do plants take in from the air to make their food?",
    choices: ["oxygen", "carbon dioxide", "nitrogen", "hydrogen"],
    prompt: `${system}\n\n${user}`,
    messages: [
      { role: "system", content: system },
      { role: "user", content: user },
    ],
    domain: "science",
    difficulty: null,
    phase: 3,
    reward_preset: "calibrated",
    calibration: {
      episodes: 51234,
      accuracy: 0.6012,
      mean_confidence: 0.6633,
      ece: 0.0712,
      brier: 0.2214,
      mean_reward: 0.4431,
    },
    is_correct: true,
    parsed_confidence: 72,
    parsed_answer: "B",
    abstained: false,
    format: "clean",
    format_issues: [],
    score: 1,
    grading_method: "choice/letter",
    reward_components: {
      accuracy: 0.5,
      brier: 0.2608,
      overconfidence: 0,
      underconfidence: 0,
      format: 0,
      abstention: 0,
      clip: 0,
    },
    true_answer: "B",
    feedback: "Correct at 72% confidence. Reward 0.761.",
  },
  reward: 0.7608,
  done: true,
}));
app.get("/ws", { websocket: true }, (socket) => {
  socket.on("message", (data, isBinary) => socket.send(data, { binary: isBinary }));
});
await app.listen({ host: "127.0.0.1", port: Number(process.env.PORT) });
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}
