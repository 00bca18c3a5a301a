"""Drives examples/python against a live ECHO server, with TRL's argument shapes; prints ALL OK when every check holds.

Usage: python3 exercise_client.py SERVER_URL EXAMPLES_DIR
"""

import sys

URL, EXAMPLES = sys.argv[1], sys.argv[2]
sys.path.insert(0, EXAMPLES)

from echo_client import EchoClient, EchoError, RewardStats, completion_text, make_reward_func, openenv_episode  # noqa: E402
import train_grpo  # noqa: E402


def expect_error(call, status, code):
    try:
        call()
    except EchoError as error:
        assert error.status == status, (error.status, error)
        assert error.code == code, (error.code, error)
        return error
    raise AssertionError(f"expected HTTP {status} {code}")


client = EchoClient(URL, retries=0)

# --- OpenEnv routes -----------------------------------------------------------------------------------------
health = client.health()
assert health["status"] == "healthy" and health["storage"]["writable"] is True, health
assert client.metadata()["name"] == "echo_calibration"
first = client.reset(seed=3)
obs = first["observation"]
assert first["done"] is False and first["reward"] is None, first
assert obs["task_id"] and obs["episode_id"] and "<confidence>" in obs["prompt"]
assert client.reset(seed=3)["observation"]["task_id"] == obs["task_id"], "same seed, same question"
graded = client.step("<confidence>60</confidence><answer>4</answer>", episode_id=obs["episode_id"])
assert graded["done"] is True and isinstance(graded["reward"], float), graded
assert set(graded["observation"]["reward_components"]) >= {"accuracy", "brier", "format"}
assert client.state(obs["episode_id"])["done"] is True
expect_error(lambda: client.step("<confidence>60</confidence><answer>4</answer>", episode_id=obs["episode_id"]),
             409, "EPISODE_DONE")
expect_error(lambda: client.reset(task_id="no/such/task"), 404, "TASK_NOT_FOUND")

# --- questions -------------------------------------------------------------------------------------------------
page = client.questions(domain="factual", limit=7, page_size=3)  # three pages
assert len(page) == 7 and len({q["task_id"] for q in page}) == 7, page
assert all(q["domain"] == "factual" and "answer" not in q and q["messages"][0]["role"] == "system" for q in page)
assert client.question(page[0]["task_id"])["task_id"] == page[0]["task_id"]
free_text = next(q for q in page if q["choices"] is None)
task_id = free_text["task_id"]
# The gold answer is never listed; one graded episode on the task reveals it.
opened = client.reset(task_id=task_id)
gold = client.step("<confidence>50</confidence><answer>?</answer>", episode_id=opened["observation"]["episode_id"])[
    "observation"]["true_answer"]
assert gold, gold
RIGHT = f"<confidence>80</confidence><answer>{gold}</answer>"
WRONG = "<confidence>80</confidence><answer>certainly not this</answer>"

# --- POST /reward --------------------------------------------------------------------------------------------------
before = client.metrics()["count"]
reply = client.score_batch([(task_id, RIGHT), {"task_id": task_id, "response": WRONG}, ("no/such/task", RIGHT)],
                           record=False)
right, wrong, unknown = reply["rewards"]
assert right > wrong, reply["rewards"]
assert unknown is None and "no task" in reply["results"][2]["error"], reply["results"][2]
assert reply["results"][0]["is_correct"] is True and reply["results"][1]["is_correct"] is False
assert reply["recorded"] == 0 and client.metrics()["count"] == before, "record=False leaves no trace"
small = EchoClient(URL, retries=0, max_batch=2)  # five items in three requests, order kept
chunked = small.score_batch([(task_id, RIGHT if i % 2 == 0 else WRONG) for i in range(5)], record=False)
assert len(chunked["rewards"]) == 5 and chunked["rewards"][0] == right and chunked["rewards"][1] == wrong
error = expect_error(lambda: client._request("POST", "/reward", body={"items": "nope"}), 422, "VALIDATION_ERROR")
assert "items" in error.message, error.message

# --- the TRL reward function ---------------------------------------------------------------------------------------
reward_func = make_reward_func(client)
assert reward_func.__name__ == "echo_reward"
prompt = free_text["messages"]
ids = [task_id, task_id, "no/such/task"]
as_strings = reward_func(prompts=[prompt] * 3, completions=[RIGHT, WRONG, RIGHT], completion_ids=[[1], [2], [3]],
                         task_id=ids, trainer_state=None, log_metric=lambda *a: None)
as_chat = reward_func([prompt] * 3, [[{"role": "assistant", "content": c}] for c in (RIGHT, WRONG, RIGHT)],
                      [[1], [2], [3]], task_id=ids, domain=["factual"] * 3)
assert as_strings == as_chat, (as_strings, as_chat)
assert as_strings[0] == right and as_strings[1] == wrong and as_strings[2] is None, as_strings
assert reward_func.last_batch["scored"] == 2 and reward_func.last_batch["failed"] == 1, reward_func.last_batch
assert reward_func.last_batch["accuracy"] == 0.5 and abs(reward_func.last_batch["confidence"] - 0.8) < 1e-9
assert "components/brier" in reward_func.last_batch
totals = reward_func.stats.pop()
assert totals["scored"] == 4 and totals["failed"] == 2, totals
assert reward_func.stats.pop()["scored"] == 0, "pop starts afresh"
assert client.metrics(channel="batch")["count"] >= 4, "recorded by default, so /metrics follows training"
try:
    reward_func(prompts=[prompt], completions=[RIGHT], completion_ids=[[1]])
    raise AssertionError("a dataset without task_id must be refused")
except KeyError as missing:
    assert "task_id" in str(missing)

assert completion_text([{"role": "user", "content": "q"}, {"role": "assistant", "content": [
    {"type": "text", "text": "<confidence>5</confidence>"}, {"type": "text", "text": "<answer>x</answer>"}]}]) == \
    "<confidence>5</confidence><answer>x</answer>"
assert completion_text({"content": "plain"}) == "plain" and completion_text([]) == ""
stats = RewardStats()
stats.add([None, {"reward": 1.0, "components": {"brier": 0.5}, "is_correct": True, "parsed_confidence": 90,
                  "abstained": False, "format": "missing_answer"}])
assert stats.means() == {"reward": 1.0, "components/brier": 0.5, "accuracy": 1.0, "confidence": 0.9,
                         "abstention_rate": 0.0, "format_failure_rate": 1.0, "scored": 1.0, "failed": 1.0}

# --- metrics, fingerprint, curriculum --------------------------------------------------------------------------
report = client.metrics()
assert report["count"] >= 1 and 0 <= report["ece"] <= 1 and len(report["bins"]) == 10, report
assert client.metrics("factual")["count"] >= 1
expect_error(lambda: client.metrics("astrology"), 404, "UNKNOWN_DOMAIN")
fingerprint = client.fingerprint()
assert [d["domain"] for d in fingerprint["domains"]][:2] == ["math", "logic"], fingerprint
state = client.curriculum()
assert state["phase"] in (1, 2, 3) and len(state["phase_mix"]) == 3

# --- train_grpo without torch ----------------------------------------------------------------------------------
try:
    train_grpo.parse_args(["--per-device-batch-size", "3", "--grad-accum", "1", "--num-generations", "2"])
    raise AssertionError("a batch that splits a GRPO group must be refused")
except SystemExit as exit_:
    assert exit_.code == 2
args = train_grpo.parse_args(["--server", URL, "--lora-rank", "8"])
assert args.lora_alpha == 16 and args.load_in_4bit is False and args.record is True
prompts = train_grpo.PhasePrompts(client, per_phase=30, seed=5)
rows = prompts.rows([0, 0, 30])
assert rows["task_id"][0] == rows["task_id"][1] == rows["task_id"][2], "slot i and i + pool size agree"
assert rows["prompt"][0][1]["role"] == "user" and rows["slot"] == [0, 0, 30]
assert prompts.refresh() is False
client.set_curriculum(phase=3, pinned=True)
assert prompts.refresh() is True and prompts.phase == 3, "the prompts follow a phase change"
pool = prompts.pool()
assert all(q["difficulty"] in ("easy", "medium", "hard") for q in pool)
assert len({q["difficulty"] for q in pool}) == 3 and len({q["domain"] for q in pool}) >= 5, "drawn as /reset draws"
drawn = client.questions(phase=3, seed=5, limit=30, page_size=7, order="draw")
assert [q["task_id"] for q in drawn] == [q["task_id"] for q in pool], "pages are slices of one seeded stream"
try:
    client.questions(phase=3, order="draw")
    raise AssertionError("an endless draw without a limit must be refused")
except ValueError as error:
    assert "limit" in str(error)
client.set_curriculum(phase=1, pinned=False)
logs = train_grpo.calibration_logs(client, 1000)
assert logs["echo/server/count"] >= 4 and "echo/server/ece" in logs, logs
assert train_grpo.main(["--server", URL, "--dry-run", "--questions-per-phase", "20", "--num-generations", "4"]) == 0

# --- OpenEnv's own client is optional ----------------------------------------------------------------------------
try:
    import openenv  # noqa: F401
except ImportError:
    try:
        openenv_episode(URL)
        raise AssertionError("without openenv installed, openenv_episode must say how to install it")
    except ImportError as missing:
        assert "pip install" in str(missing)

print("ALL OK")
