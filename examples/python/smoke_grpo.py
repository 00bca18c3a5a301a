"""Two GRPO steps against a live ECHO through each path, on CPU, with nothing downloaded.

A tiny causal LM with random weights and a tokenizer trained in this script on ECHO's own questions (with TRL's
bundled Qwen3 chat template, which supports tool calls) stand in for a real model. A few dozen plain gradient
steps first teach it one reply per path (a tagged answer; a call of the `answer` tool), so the GRPO steps see
well-formed completions and real tool calls. The script then runs TRL's GRPOTrainer twice:

- `reward`: prompts from GET /questions with a task_id column, rewards from make_reward_func (POST /reward);
- `tools`:  environment_factory=EchoCalibrationToolEnv, rewards from its get_reward().

and checks that the rewards arrived in ECHO's GET /metrics (its episode count grows by the completions scored),
in the trainer's logs (make_reward_func's log_metric values), and that the model called the tool. It proves the
plumbing, not learning.

    ECHO_URL=http://127.0.0.1:8000 python smoke_grpo.py            # both paths; exit 0 when both pass
    python smoke_grpo.py --server http://127.0.0.1:8000 --path tools

Needs: pip install "echo-calibration-env[train]" (or -e ".[train]" from a clone): torch, trl, transformers,
datasets, accelerate.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any, Dict, List

import httpx

TAGGED_REPLY = "<confidence>70</confidence><answer>20</answer>"
TOOL_REPLY = '<tool_call>\n{"name": "answer", "arguments": {"answer": "20", "confidence": 70}}\n</tool_call>'
SPECIAL_TOKENS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
# Whole tokens as in Qwen3's tokenizer, but not special ones: decoding must keep them, or no tool call is parsed.
MARKUP_TOKENS = ["<tool_call>", "</tool_call>", "<tool_response>", "</tool_response>", "<think>", "</think>"]


def parse_args(argv: List[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--server", default=os.environ.get("ECHO_URL", "http://127.0.0.1:8000"), help="ECHO server URL")
    p.add_argument("--path", choices=["reward", "tools", "both"], default="both")
    p.add_argument("--steps", type=int, default=2, help="GRPO steps per path")
    p.add_argument("--num-generations", type=int, default=4, help="completions per prompt")
    p.add_argument("--max-completion-length", type=int, default=48, help="tokens over all turns of a rollout")
    p.add_argument("--warm-up-steps", type=int, default=100, help="plain gradient steps teaching each path's reply")
    return p.parse_args(argv)


def questions(server: str, n: int) -> List[Dict[str, Any]]:
    reply = httpx.get(f"{server}/questions", params={"phase": 1, "limit": n, "order": "draw", "seed": 0})
    reply.raise_for_status()
    return reply.json()["items"]


def build_tokenizer(corpus: List[str]):
    """A byte-level BPE tokenizer trained here on `corpus`, with the Qwen3 chat template TRL ships."""
    import trl
    from tokenizers import AddedToken, Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=600, special_tokens=SPECIAL_TOKENS, initial_alphabet=pre_tokenizers.ByteLevel.alphabet()
    )
    tok.train_from_iterator(corpus, trainer=trainer)
    tok.add_tokens([AddedToken(t, special=False, normalized=False) for t in MARKUP_TOKENS])
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=tok, eos_token="<|im_end|>", pad_token="<|endoftext|>", padding_side="left"
    )
    tokenizer.chat_template = (Path(trl.__file__).parent / "chat_templates" / "qwen3.jinja").read_text()
    return tokenizer


def build_model(tokenizer):
    """A two-layer Qwen3 with random weights (about 0.1 M parameters)."""
    import torch
    from transformers import Qwen3Config, Qwen3ForCausalLM

    torch.manual_seed(0)
    config = Qwen3Config(
        vocab_size=len(tokenizer),
        hidden_size=32,
        intermediate_size=64,
        num_hidden_layers=2,
        num_attention_heads=2,
        num_key_value_heads=1,
        head_dim=16,
        max_position_embeddings=4096,
        pad_token_id=tokenizer.pad_token_id,
        eos_token_id=tokenizer.eos_token_id,
        bos_token_id=None,
        tie_word_embeddings=True,
    )
    return Qwen3ForCausalLM(config)


def warm_up(model, tokenizer, prompts: List[List[Dict[str, str]]], reply: str, steps: int, tools=None) -> None:
    """Teaches the model to answer every prompt with `reply` (then end of turn): plain next-token training."""
    import torch

    heads = [
        tokenizer.apply_chat_template(p, tools=tools, tokenize=False, add_generation_prompt=True) for p in prompts
    ]
    tail = tokenizer(reply + "<|im_end|>", add_special_tokens=False)["input_ids"]
    batch = tokenizer([h + reply + "<|im_end|>" for h in heads], return_tensors="pt", padding=True)
    # Only the reply is learned (padding is on the left, so it is the last len(tail) tokens of every row).
    labels = batch["input_ids"].clone()
    labels[:, : labels.shape[1] - len(tail)] = -100
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-2)
    model.train()
    for _ in range(steps):
        loss = model(**batch, labels=labels).loss
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
    print(f"warm-up: {steps} steps, final loss {loss.item():.3f}")


def grpo_config(out: str, args: argparse.Namespace):
    from trl import GRPOConfig

    return GRPOConfig(
        output_dir=out,
        max_steps=args.steps,
        per_device_train_batch_size=args.num_generations,
        num_generations=args.num_generations,
        max_completion_length=args.max_completion_length,
        learning_rate=1e-4,
        temperature=0.7,
        beta=0.0,
        logging_steps=1,
        save_strategy="no",
        report_to="none",
        use_cpu=True,
        bf16=False,
        remove_unused_columns=False,
        seed=0,
    )


def episodes(server: str) -> int:
    return httpx.get(f"{server}/metrics").json()["count"]


def run_reward_path(server: str, items, tokenizer, args: argparse.Namespace) -> None:
    from datasets import Dataset
    from trl import GRPOTrainer

    from echo_calibration import make_reward_func

    dataset = Dataset.from_list([{"prompt": q["messages"], "task_id": q["task_id"]} for q in items])
    reward = make_reward_func(server, max_completion_length=args.max_completion_length)
    model = build_model(tokenizer)
    warm_up(model, tokenizer, [q["messages"] for q in items], TAGGED_REPLY, args.warm_up_steps)
    before = episodes(server)
    with tempfile.TemporaryDirectory() as out:
        trainer = GRPOTrainer(
            model=model,
            processing_class=tokenizer,
            reward_funcs=[reward],
            args=grpo_config(out, args),
            train_dataset=dataset,
        )
        trainer.train()
    scored = episodes(server) - before
    logged = [h for h in trainer.state.log_history if "echo_calibration/reward" in h]
    print(f"reward path: {args.steps} steps, {scored} completions scored and recorded in /metrics; "
          f"logged echo_calibration/reward = {[round(h['echo_calibration/reward'], 3) for h in logged]}")
    assert scored == args.steps * args.num_generations, f"expected {args.steps * args.num_generations}, got {scored}"
    assert logged, "make_reward_func's log_metric values did not reach the trainer's logs"


def run_tools_path(server: str, items, tokenizer, args: argparse.Namespace) -> None:
    from datasets import Dataset
    from trl import GRPOTrainer

    from echo_calibration import EchoCalibrationToolEnv

    os.environ["ECHO_URL"] = server
    dataset = Dataset.from_list(
        [{"prompt": [{"role": "user", "content": ""}], "task_id": q["task_id"]} for q in items]
    )
    model = build_model(tokenizer)
    probe = EchoCalibrationToolEnv()
    shown = [[{"role": "user", "content": probe.reset(task_id=q["task_id"])}] for q in items]
    warm_up(model, tokenizer, shown, TOOL_REPLY, args.warm_up_steps, tools=[probe.answer])
    probe._close()
    before = episodes(server)
    with tempfile.TemporaryDirectory() as out:
        trainer = GRPOTrainer(
            model=model,
            processing_class=tokenizer,
            args=grpo_config(out, args),
            train_dataset=dataset,
            environment_factory=EchoCalibrationToolEnv,
        )
        tools = sorted(getattr(t, "__name__", str(t)) for t in trainer.tools)
        trainer.train()
    scored = episodes(server) - before
    rewards = [h.get("rewards/EchoCalibrationToolEnv/mean") for h in trainer.state.log_history]
    rewards = [round(r, 3) for r in rewards if r is not None]
    calls = [h.get("tools/call_frequency") for h in trainer.state.log_history if "tools/call_frequency" in h]
    print(f"tools path: tools {tools}, {args.steps} steps, {scored} episodes played and recorded in /metrics; "
          f"logged rewards/EchoCalibrationToolEnv/mean = {rewards}, tools/call_frequency = {calls}")
    assert tools == ["answer"], tools
    assert scored == args.steps * args.num_generations, f"expected {args.steps * args.num_generations}, got {scored}"
    assert rewards, "the environment's rewards did not reach the trainer's logs"
    assert any(c and c > 0 for c in calls), "the model never called the answer tool"


def main(argv: List[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ.setdefault("TRL_EXPERIMENTAL_SILENCE", "1")
    server = args.server.rstrip("/")
    items = questions(server, 16)
    corpus = [q["prompt"] for q in items] + [TOOL_REPLY, TAGGED_REPLY] * 20
    tokenizer = build_tokenizer(corpus)
    if args.path in ("reward", "both"):
        run_reward_path(server, items, tokenizer, args)
    if args.path in ("tools", "both"):
        run_tools_path(server, items, tokenizer, args)
    metrics = httpx.get(f"{server}/metrics").json()
    print(f"/metrics: {metrics['count']} episodes, mean reward {metrics['mean_reward']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
