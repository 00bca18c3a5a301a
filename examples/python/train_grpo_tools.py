"""GRPO on ECHO through TRL's environment_factory: the model answers by calling a tool, answer(answer, confidence).

Each rollout gets its own EchoCalibrationToolEnv (one WebSocket session on the server): TRL calls
`reset(**row)` with the dataset row, whose task_id makes every generation of a GRPO group face the same question;
the model calls the `answer` tool; `get_reward()` is the rollout's reward, and the episode is recorded in the
server's /metrics. The model must have a chat template that supports tool calls (Qwen3 does).

    ECHO_URL=http://localhost:8000 python train_grpo_tools.py --max-steps 200
    ECHO_URL=http://localhost:8000 python train_grpo_tools.py --use-vllm --vllm-mode colocate

The server needs MAX_CONCURRENT_ENVS >= generation batch x processes (one session per rollout) and a
SESSION_TIMEOUT_S longer than one training step. See README.md beside this file.
"""

from __future__ import annotations

import argparse
import os
import sys

import httpx


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--server", default=os.environ.get("ECHO_URL", "http://localhost:8000"), help="ECHO server URL")
    p.add_argument("--model", default="Qwen/Qwen3-0.6B", help="a chat model whose template supports tool calls")
    p.add_argument("--output-dir", default="outputs/echo-grpo-tools")
    p.add_argument("--max-steps", type=int, default=200)
    p.add_argument("--questions", type=int, default=2000, help="rows drawn from GET /questions?order=draw")
    p.add_argument("--phase", type=int, default=None, help="curriculum phase to draw from (default: the server's)")
    p.add_argument("--per-device-batch-size", type=int, default=8)
    p.add_argument("--num-generations", type=int, default=8)
    p.add_argument("--max-completion-length", type=int, default=512, help="tokens over all turns of a rollout")
    p.add_argument("--learning-rate", type=float, default=1e-6)
    p.add_argument("--use-vllm", action="store_true")
    p.add_argument("--vllm-mode", choices=["colocate", "server"], default="colocate")
    p.add_argument("--report-to", default="none")
    p.add_argument("--seed", type=int, default=0)
    return p.parse_args(argv)


def rows(server: str, n: int, phase: int | None, seed: int) -> list[dict]:
    """Dataset rows: an empty user turn (reset's text fills it) and the task_id that reset plays."""
    params = {"limit": n, "order": "draw", "seed": seed, **({"phase": phase} if phase else {})}
    items = httpx.get(f"{server}/questions", params=params, timeout=60).json()["items"]
    return [{"prompt": [{"role": "user", "content": ""}], "task_id": q["task_id"]} for q in items]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ["ECHO_URL"] = args.server  # EchoCalibrationToolEnv reads it; TRL builds it with no arguments
    from datasets import Dataset
    from trl import GRPOConfig, GRPOTrainer

    from echo_calibration import EchoCalibrationToolEnv

    dataset = Dataset.from_list(rows(args.server.rstrip("/"), args.questions, args.phase, args.seed))
    config = GRPOConfig(
        output_dir=args.output_dir,
        max_steps=args.max_steps,
        per_device_train_batch_size=args.per_device_batch_size,
        num_generations=args.num_generations,
        max_completion_length=args.max_completion_length,
        learning_rate=args.learning_rate,
        remove_unused_columns=False,  # reset(**row) needs the task_id column
        logging_steps=5,
        report_to=args.report_to,
        seed=args.seed,
        use_vllm=args.use_vllm,
        vllm_mode=args.vllm_mode,
        chat_template_kwargs={"enable_thinking": False},
    )
    trainer = GRPOTrainer(
        model=args.model,
        args=config,
        train_dataset=dataset,
        environment_factory=EchoCalibrationToolEnv,
    )
    trainer.train()
    trainer.save_model(args.output_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
