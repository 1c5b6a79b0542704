"""The LLM coder against a local stub of an OpenAI-compatible server (127.0.0.1, started in the test)."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from builders import make_doc

from warta.coding.llm import LLMCoder, LLMError
from warta.stages.events import EventStage

ANSWER = {"events": [
    {"sentence": 0, "trigger": "menyerang", "type": "ASSAULT", "mode": None, "actor": "Rusia",
     "recipient": "Ukraina", "certainty": "certain", "status": "occurred", "negated": False},
    # invented words: must be dropped and counted
    {"sentence": 0, "trigger": "membom habis", "type": "ASSAULT", "mode": None, "actor": None,
     "recipient": None, "certainty": "certain", "status": "occurred", "negated": False},
    {"sentence": 0, "trigger": "menyerang", "type": "ASSAULT", "mode": None, "actor": "Belanda",
     "recipient": None, "certainty": "probable", "status": "occurred", "negated": True},
]}


class _Stub(BaseHTTPRequestHandler):
    script: list = []  # per request: ("ok" | "500" | "garbage")
    seen: list = []

    def do_POST(self):  # noqa: N802 (http.server API)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        _Stub.seen.append((self.path, body, self.headers.get("Authorization")))
        step = _Stub.script.pop(0) if _Stub.script else "ok"
        if step == "500":
            self.send_response(500)
            self.end_headers()
            return
        content = "not json" if step == "garbage" else json.dumps(ANSWER)
        payload = json.dumps({"choices": [{"message": {"role": "assistant", "content": content}}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):  # keep test output quiet
        pass


@pytest.fixture()
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Stub)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    _Stub.script, _Stub.seen = [], []
    yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    httpd.shutdown()
    httpd.server_close()


def _doc():
    return make_doc("Rusia menyerang Ukraina.", actors={"a1": ("RUS", "state", ["Rusia"]),
                                                         "a2": ("UKR", "state", ["Ukraina"])})


def test_llm_events_are_verified_against_the_text(server, monkeypatch):
    monkeypatch.setenv("WARTA_LLM_BASE_URL", server)
    monkeypatch.setenv("WARTA_LLM_MODEL", "stub-model")
    monkeypatch.setenv("WARTA_LLM_API_KEY", "k")
    stage = EventStage(coder="llm")
    doc = stage(_doc())
    assert [(e.type, e.actors, e.recipients) for e in doc.events] == [("ASSAULT", ["a1"], ["a2"]),
                                                                      ("ASSAULT", [], [])]
    assert doc.events[1].polarity == "negative" and doc.events[1].certainty == "probable"
    assert stage.coder.dropped == 2  # the invented trigger and the actor "Belanda"
    assert any("2 returned span" in w for w in doc.warnings)
    assert doc.events[0].coder == "warta-llm/1.0:stub-model"
    path, body, auth = _Stub.seen[0]
    assert path == "/v1/chat/completions" and auth == "Bearer k"
    assert body["response_format"]["type"] == "json_schema"
    assert body["response_format"]["json_schema"]["schema"]["required"] == ["events"]


def test_llm_retries_then_succeeds(server):
    _Stub.script = ["500", "ok"]
    coder = LLMCoder(base_url=server, model="m", retries=1, timeout=5)
    assert len(coder.code(_doc())) == 2
    assert len(_Stub.seen) == 2


def test_llm_gives_up_with_a_clear_error(server):
    _Stub.script = ["500", "500"]
    with pytest.raises(LLMError, match="failed after 2 tries"):
        LLMCoder(base_url=server, model="m", retries=1, timeout=5).code(_doc())
    _Stub.script = ["garbage"]
    with pytest.raises(LLMError, match="not the requested JSON"):
        LLMCoder(base_url=server, model="m", retries=0, timeout=5).code(_doc())


def test_llm_times_out_on_a_dead_endpoint():
    with pytest.raises(LLMError):
        LLMCoder(base_url="http://127.0.0.1:9/v1", model="m", retries=0, timeout=0.5).code(_doc())


def test_llm_needs_configuration(monkeypatch):
    monkeypatch.delenv("WARTA_LLM_BASE_URL", raising=False)
    monkeypatch.delenv("WARTA_LLM_MODEL", raising=False)
    with pytest.raises(LLMError, match="WARTA_LLM_BASE_URL"):
        LLMCoder()
    assert EventStage().coder.name.startswith("warta-rules/")  # never the LLM unless asked
