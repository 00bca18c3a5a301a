"""GRPO on ECHO: teach a Qwen2.5 instruct model to state calibrated confidence, with LoRA, on one 24 GB GPU.

The prompts stream from the server's GET /questions?order=draw (chat messages, with a task_id column), drawn
as /reset draws in the curriculum's current phase; the rewards come from echo_calibration.make_reward_func
(one POST /reward per generation batch), which logs the reward components, accuracy and stated confidence
through TRL's log_metric and per-completion columns through log_extra; a callback adds the server's
calibration metrics (/metrics, /fingerprint) and follows the curriculum, one phase for every process.

    python train_grpo.py --server http://localhost:8000                    # a local `npm start`
    python train_grpo.py --server https://<user>-<space>.hf.space --max-steps 1000 --load-in-4bit
    python train_grpo.py --server http://localhost:8000 --use-vllm --vllm-mode colocate
    python train_grpo.py --server http://localhost:8000 --dry-run          # check the plumbing, no GPU

Defaults fit one A10G (24 GB): Qwen2.5-1.5B-Instruct in bf16, LoRA rank 16 on every linear layer, 8
completions per prompt, 256 new tokens. See README.md beside this file.
"""

from __future__ import annotations

import argparse
import itertools
import logging
import os
import sys
from typing import Any

from echo_client import EchoClient, make_reward_func

log = logging.getLogger("train_grpo")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="train_grpo.py", description=__doc__.split("\n\n")[0], formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    p.add_argument("--server", default=os.environ.get("ECHO_URL", "http://localhost:8000"), help="ECHO server URL")
    p.add_argument("--api-key", default=os.environ.get("ECHO_API_KEY"), help="bearer token, if the server wants one")
    p.add_argument("--model", default="Qwen/Qwen2.5-1.5B-Instruct", help="causal LM to train (a chat model)")
    p.add_argument("--output-dir", default="outputs/echo-grpo", help="checkpoints and the final LoRA adapter")
    p.add_argument("--max-steps", type=int, default=500, help="optimizer steps")
    p.add_argument("--per-device-batch-size", type=int, default=8, help="completions per device per micro-step")
    p.add_argument("--grad-accum", type=int, default=4, help="gradient accumulation steps")
    p.add_argument("--num-generations", type=int, default=8, help="completions per prompt (the GRPO group)")
    p.add_argument("--max-completion-length", type=int, default=256, help="new tokens per completion")
    p.add_argument("--learning-rate", type=float, default=1e-5)
    p.add_argument("--warmup-steps", type=int, default=10)
    p.add_argument("--beta", type=float, default=0.0, help="KL coefficient (0 loads no reference model)")
    p.add_argument("--temperature", type=float, default=1.0, help="sampling temperature for the rollouts")
    p.add_argument("--lora-rank", type=int, default=16)
    p.add_argument("--lora-alpha", type=int, default=None, help="default: twice the rank")
    p.add_argument("--lora-dropout", type=float, default=0.05)
    p.add_argument("--load-in-4bit", action="store_true", help="QLoRA: load the base model in 4-bit (bitsandbytes)")
    p.add_argument("--no-gradient-checkpointing", dest="gradient_checkpointing", action="store_false")
    p.add_argument("--reward-preset", default=None, help="calibrated, rlcr or echo (default: the server's)")
    p.add_argument("--no-record", dest="record", action="store_false",
                   help="leave no trace on the server (then /metrics and the curriculum do not follow training)")
    p.add_argument("--domain", default=None, help="train on one domain only (math, logic, factual, ...)")
    p.add_argument("--questions-per-phase", type=int, default=2000, help="prompts fetched per curriculum phase")
    p.add_argument("--curriculum-every", type=int, default=10, help="steps between curriculum checks (0: never)")
    p.add_argument("--metrics-every", type=int, default=25, help="steps between /metrics and /fingerprint logs")
    p.add_argument("--metrics-window", type=int, default=1000, help="newest training episodes the metrics cover")
    p.add_argument("--logging-steps", type=int, default=5)
    p.add_argument("--save-steps", type=int, default=100)
    p.add_argument("--report-to", default="none", help="none, tensorboard, wandb, trackio...")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--prompts", choices=["stream", "pool"], default="stream",
                   help="stream: endless order=draw pages of the current phase; pool: a fixed pool per phase")
    p.add_argument("--use-vllm", action="store_true", help="generate with vLLM (pip install vllm)")
    p.add_argument("--vllm-mode", choices=["colocate", "server"], default="colocate",
                   help="colocate: vLLM inside the trainer, sharing its GPUs; server: a separate `trl vllm-serve`")
    p.add_argument("--vllm-server-base-url", default=None, help="--vllm-mode server: e.g. http://127.0.0.1:8001")
    p.add_argument("--vllm-gpu-memory-utilization", type=float, default=0.3, help="--vllm-mode colocate: GPU share")
    p.add_argument("--dry-run", action="store_true", help="fetch prompts and score sample completions; no model")
    args = p.parse_args(argv)
    if args.lora_alpha is None:
        args.lora_alpha = 2 * args.lora_rank
    if (args.per_device_batch_size * args.grad_accum) % args.num_generations != 0:
        p.error("--per-device-batch-size x --grad-accum must be a multiple of --num-generations (whole groups)")
    return args


class PhasePrompts:
    """Training prompts for the curriculum's current phase, from GET /questions; refreshed when the phase moves.

    Slot i of the dataset maps to question i (mod the pool size) of the current phase's pool, so the copies of one
    prompt in a GRPO group always agree, and a phase change swaps every slot to the new phase's questions.
    """

    def __init__(self, client: EchoClient, per_phase: int, seed: int, domain: str | None = None):
        self.client = client
        self.per_phase = per_phase
        self.seed = seed
        self.domain = domain
        self.pools: dict[int, list[dict]] = {}
        self.phase = int(client.curriculum()["phase"])

    def pool(self, phase: int | None = None) -> list[dict]:
        phase = self.phase if phase is None else phase
        if phase not in self.pools:
            # Drawn as /reset draws: the phase's difficulty mix and every domain, not the bank's proportions
            # (generated pools are far larger than the curated ones and would crowd them out of a plain listing).
            found = self.client.questions(
                phase=phase, domain=self.domain, seed=self.seed, limit=self.per_phase, order="draw"
            )
            if not found:
                raise RuntimeError(f"the server has no questions for phase {phase} (domain {self.domain or 'any'})")
            self.pools[phase] = found
            log.info("phase %d: %d questions", phase, len(found))
        return self.pools[phase]

    def refresh(self) -> bool:
        """Asks the server for the current phase; True when it changed (the prompts follow at once).

        In a multi-process run only the main process asks, and every process takes its answer, so all of them
        draw from one phase even when the server moves between their requests.
        """
        phase = agreed(lambda: int(self.client.curriculum()["phase"]))
        changed = phase != self.phase
        if changed:
            log.info("curriculum moved from phase %d to phase %d: prompts now come from phase %d", self.phase, phase, phase)
            self.phase = phase
        self.pool()
        return changed

    def row(self, slot: int) -> dict[str, Any]:
        pool = self.pool()
        q = pool[slot % len(pool)]
        return {"prompt": q["messages"], "task_id": q["task_id"], "domain": q["domain"], "difficulty": q["difficulty"]}

    def stream(self, page_size: int = 256):
        """Endless rows drawn as /reset draws, one GET /questions?order=draw page at a time, each page from the
        phase current when it is fetched (so a phase change reaches the next page). Page i is seeded from
        (seed, i) mixed, so two runs with nearby seeds do not replay each other's pages."""
        for index in itertools.count():
            page = self.client.questions(phase=self.phase, domain=self.domain, seed=self.seed * 1_000_003 + index,
                                         limit=page_size, order="draw")
            if not page:
                raise RuntimeError(f"the server has no questions for phase {self.phase} (domain {self.domain or 'any'})")
            for q in page:
                yield {"prompt": q["messages"], "task_id": q["task_id"], "domain": q["domain"],
                       "difficulty": q["difficulty"]}

    def rows(self, slots: list[int]) -> dict[str, list]:
        """A batch in datasets' column form (what Dataset.set_transform expects)."""
        picked = [self.row(int(s)) for s in slots]
        columns = {key: [r[key] for r in picked] for key in ("prompt", "task_id", "domain", "difficulty")}
        columns["slot"] = [int(s) for s in slots]
        return columns


def agreed(ask: Any) -> Any:
    """`ask()` on the main process, its answer on every process (one value for the whole run)."""
    try:
        from accelerate import PartialState
        from accelerate.utils import broadcast_object_list
    except ImportError:  # the dry run needs no accelerate: one process
        return ask()
    state = PartialState()
    if state.num_processes == 1:
        return ask()
    box = [ask() if state.is_main_process else None]
    broadcast_object_list(box, from_process=0)
    return box[0]


def calibration_logs(client: EchoClient, window: int) -> dict[str, float]:
    """The server's calibration figures over the newest training episodes (channel batch), as flat metrics."""
    report = client.metrics(channel="batch", window=window)
    out = {
        f"echo/server/{key}": float(report[key])
        for key in ("count", "accuracy", "mean_confidence", "ece", "mce", "brier", "auroc", "overconfidence_rate",
                    "hallucination_rate", "abstention_rate", "format_failure_rate", "mean_reward")
        if report.get(key) is not None
    }
    fingerprint = client.fingerprint(channel="batch", window=window)
    for d in fingerprint["domains"]:
        if d.get("calibration_score") is not None:
            out[f"echo/calibration_score/{d['domain']}"] = float(d["calibration_score"])
    return out


def make_callback(client: EchoClient, prompts: PhasePrompts, args: argparse.Namespace):
    """A TrainerCallback: follows the curriculum and adds the server's calibration numbers to the log lines (the
    reward function logs its own batch means through TRL's log_metric)."""
    from transformers import TrainerCallback

    class EchoCallback(TrainerCallback):
        def __init__(self) -> None:
            self.pending: dict[str, float] = {}

        def on_step_end(self, _args, state, control, **kwargs):
            step = state.global_step
            if args.curriculum_every and step % args.curriculum_every == 0 and prompts.refresh():
                self.pending["echo/phase_changed_at"] = float(step)
            if args.metrics_every and step % args.metrics_every == 0 and state.is_world_process_zero:
                try:
                    self.pending.update(calibration_logs(client, args.metrics_window))
                except Exception as error:  # a metrics hiccup must not stop training
                    log.warning("could not fetch calibration metrics: %s", error)

        def on_log(self, _args, state, control, logs=None, **kwargs):
            if logs is None:
                return
            logs["echo/phase"] = float(prompts.phase)
            logs.update(self.pending)
            self.pending.clear()

    return EchoCallback()


def dry_run(client: EchoClient, args: argparse.Namespace) -> int:
    """Everything but the model: prompts per phase, a reward batch in TRL's shapes, the metrics the trainer logs."""
    prompts = PhasePrompts(client, args.questions_per_phase, args.seed, args.domain)
    batch = prompts.rows(list(range(4)))
    print(f"phase {prompts.phase}: {len(prompts.pool())} questions; first task {batch['task_id'][0]}")
    # Sample completions are not training: record=False keeps them out of the server's metrics and curriculum.
    reward_func = make_reward_func(client, reward_preset=args.reward_preset, record=False)
    # TRL repeats each prompt num_generations times and passes chat completions for chat prompts.
    n = args.num_generations
    completions = [[{"role": "assistant", "content": f"<confidence>{10 * (k + 1)}</confidence><answer>4</answer>"}]
                   for k in range(n)]
    rewards = reward_func(prompts=[batch["prompt"][0]] * n, completions=completions,
                          completion_ids=[[0]] * n, task_id=[batch["task_id"][0]] * n)
    print("rewards:", [None if r is None else round(r, 3) for r in rewards])
    print("reward components:", {k: round(v, 3) for k, v in reward_func.last_batch.items()})
    print("calibration:", calibration_logs(client, args.metrics_window))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    client = EchoClient(args.server, api_key=args.api_key)
    meta = client.metadata()
    log.info("ECHO %s at %s", meta.get("version"), args.server)
    if args.dry_run:
        return dry_run(client, args)

    # Heavy imports here, so the module (and --dry-run) work without them.
    import torch
    from datasets import Dataset
    from peft import LoraConfig, prepare_model_for_kbit_training
    from transformers import AutoModelForCausalLM, AutoTokenizer, BitsAndBytesConfig
    from datasets import IterableDataset
    from trl import GRPOConfig, GRPOTrainer

    from echo_calibration import make_reward_func as make_trl_reward_func

    prompts = PhasePrompts(client, args.questions_per_phase, args.seed, args.domain)
    if args.prompts == "stream":
        dataset = IterableDataset.from_generator(prompts.stream)
    else:
        slots = list(range(len(prompts.pool())))
        dataset = Dataset.from_dict(prompts.rows(slots))
        # Rows are looked up when the trainer reads them, so a phase change reaches the next batch.
        dataset.set_transform(lambda batch: prompts.rows(batch["slot"]))

    cuda = torch.cuda.is_available()
    bf16 = cuda and torch.cuda.is_bf16_supported()
    dtype = torch.bfloat16 if bf16 else (torch.float16 if cuda else torch.float32)
    model_kwargs: dict[str, Any] = {"dtype": dtype}
    if args.load_in_4bit:
        model_kwargs["quantization_config"] = BitsAndBytesConfig(
            load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_compute_dtype=dtype, bnb_4bit_use_double_quant=True
        )
        model_kwargs["device_map"] = {"": torch.cuda.current_device()}
    model = AutoModelForCausalLM.from_pretrained(args.model, **model_kwargs)
    if args.load_in_4bit:
        model = prepare_model_for_kbit_training(model, use_gradient_checkpointing=args.gradient_checkpointing)
    tokenizer = AutoTokenizer.from_pretrained(args.model, padding_side="left")
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token

    lora = LoraConfig(r=args.lora_rank, lora_alpha=args.lora_alpha, lora_dropout=args.lora_dropout,
                      target_modules="all-linear", task_type="CAUSAL_LM")
    config = GRPOConfig(
        output_dir=args.output_dir,
        max_steps=args.max_steps,
        per_device_train_batch_size=args.per_device_batch_size,
        gradient_accumulation_steps=args.grad_accum,
        num_generations=args.num_generations,
        max_completion_length=args.max_completion_length,
        learning_rate=args.learning_rate,
        warmup_steps=args.warmup_steps,
        beta=args.beta,
        temperature=args.temperature,
        bf16=bf16,
        fp16=cuda and not bf16,
        gradient_checkpointing=args.gradient_checkpointing,
        gradient_checkpointing_kwargs={"use_reentrant": False},
        remove_unused_columns=False,  # the reward function needs the task_id column
        logging_steps=args.logging_steps,
        save_steps=args.save_steps,
        report_to=args.report_to,
        seed=args.seed,
        log_completions=True,
        use_vllm=args.use_vllm,
        vllm_mode=args.vllm_mode,
        vllm_server_base_url=args.vllm_server_base_url,
        vllm_gpu_memory_utilization=args.vllm_gpu_memory_utilization,
    )
    # max_completion_length: each completion's token count goes with it, for a preset's length term (boolq).
    reward_func = make_trl_reward_func(args.server, api_key=args.api_key, reward_preset=args.reward_preset,
                                       record=args.record, name="echo",
                                       max_completion_length=args.max_completion_length)
    trainer = GRPOTrainer(
        model=model,
        reward_funcs=[reward_func],
        args=config,
        train_dataset=dataset,
        processing_class=tokenizer,
        peft_config=lora,
        callbacks=[make_callback(client, prompts, args)],
    )
    trainer.train()
    trainer.save_model(args.output_dir)
    log.info("LoRA adapter saved to %s; final calibration: %s", args.output_dir,
             calibration_logs(client, args.metrics_window))
    return 0


if __name__ == "__main__":
    sys.exit(main())
