"""ECHO against the current OpenEnv release: `openenv validate --url`, /schema versus the typed models, and
JSON-RPC over WebSocket /mcp with OpenEnv's session methods."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any, Dict, Type

import httpx
import pytest
from pydantic import BaseModel
from websockets.sync.client import connect

from echo_calibration import EchoCalibrationAction, EchoCalibrationObservation, EchoCalibrationState

# Fields OpenEnv's base classes add that ECHO does not send inside these objects (reward and done travel beside the
# observation; an observation's metadata is never sent).
BASE_ONLY: Dict[str, set] = {"action": set(), "observation": {"reward", "done", "metadata"}, "state": set()}


def test_openenv_validate_url_passes(echo_url: str):
    run = subprocess.run(
        [sys.executable, "-m", "openenv.cli", "validate", "--url", echo_url, "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    report = json.loads(run.stdout)
    assert report["passed"] is True
    failed = [c for c in report["criteria"] if not c["passed"]]
    assert failed == []
    assert {c["id"] for c in report["criteria"]} >= {"health_endpoint", "schema_endpoint", "mcp_endpoint"}


@pytest.mark.parametrize(
    "part, model",
    [("action", EchoCalibrationAction), ("observation", EchoCalibrationObservation), ("state", EchoCalibrationState)],
)
def test_models_match_the_servers_schema_with_the_same_descriptions(echo_url: str, part: str, model: Type[BaseModel]):
    server: Dict[str, Any] = httpx.get(f"{echo_url}/schema").json()[part]
    ours = model.model_json_schema()
    server_fields = set(server["properties"])
    our_fields = set(ours["properties"]) - BASE_ONLY[part]
    assert our_fields == server_fields
    for name in server_fields:
        assert server["properties"][name].get("description"), f"server field {part}.{name} has no description"
        assert ours["properties"][name].get("description") == server["properties"][name]["description"], name
    assert set(ours.get("required", [])) - BASE_ONLY[part] <= set(server.get("required", []))


def test_nested_models_match_the_servers_definitions(echo_url: str):
    observation = httpx.get(f"{echo_url}/schema").json()["observation"]
    ours = EchoCalibrationObservation.model_json_schema()["$defs"]
    for name in ("ChatMessage", "RunningCalibration"):
        server_props = observation["$defs"][name]["properties"]
        assert set(ours[name]["properties"]) == set(server_props), name
        for field, spec in server_props.items():
            assert ours[name]["properties"][field]["description"] == spec["description"], f"{name}.{field}"
    components = next(s for s in observation["properties"]["reward_components"]["anyOf"] if s.get("type") == "object")
    our_components = ours["RewardComponents"]["properties"]
    assert {k: v["description"] for k, v in our_components.items()} == {
        k: v["description"] for k, v in components["properties"].items()
    }


def _rpc(ws, request: Dict[str, Any]) -> Dict[str, Any]:
    ws.send(json.dumps(request))
    return json.loads(ws.recv(timeout=10))


def test_websocket_mcp_speaks_json_rpc_with_openenvs_codes_and_session_methods(echo_url: str):
    with connect(echo_url.replace("http://", "ws://") + "/mcp", proxy=None) as ws:
        created = _rpc(ws, {"jsonrpc": "2.0", "id": 1, "method": "openenv/session/create"})
        session_id = created["result"]["session_id"]
        assert _rpc(ws, {"jsonrpc": "2.0", "id": 2, "method": "tools/list"})["error"]["code"] == -32603
        assert _rpc(ws, {"jsonrpc": "2.0", "id": 3, "method": "nope"})["error"]["code"] == -32601
        assert _rpc(ws, {"jsonrpc": "2.0", "id": 4, "method": "tools/list", "params": []})["error"]["code"] == -32600
        ws.send("{not json")
        assert json.loads(ws.recv(timeout=10))["error"]["code"] == -32700
        close_own = {"jsonrpc": "2.0", "id": 5, "method": "openenv/session/close", "params": {"session_id": session_id}}
        assert _rpc(ws, close_own)["error"]["code"] == -32600


def test_http_session_create_then_close(echo_url: str):
    created = httpx.post(f"{echo_url}/mcp", json={"jsonrpc": "2.0", "id": 1, "method": "openenv/session/create"})
    session_id = created.json()["result"]["session_id"]
    close = {"jsonrpc": "2.0", "id": 2, "method": "openenv/session/close", "params": {"session_id": session_id}}
    assert httpx.post(f"{echo_url}/mcp", json=close).json()["result"] == {"session_id": session_id, "closed": True}
    again = httpx.post(f"{echo_url}/mcp", json=close).json()
    assert again["error"] == {"code": -32602, "message": f"Unknown session_id: {session_id}", "data": None}
