"""Attack suite: restoring a draft from arbitrary stored values.

A stored draft is untrusted input (another page of the origin, an older
guide, a hand edit). Hypothesis writes arbitrary values; the page runtime's own
readDraft and rowCount (web/runtime-helpers.js, run under Node) must never
throw, must restore only text and true/false values, must say when something
was left out, and must never ask for more rows than the widgets' Python reads.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from widgets.thank_you_note.inputs import MAX_INTERVIEWERS

ROOT = Path(__file__).resolve().parent.parent.parent

# One Node process per batch of stored values: it prints, for each, what the
# runtime would restore.
RESTORE = """
import { readDraft, rowCount, MAX_DRAFT_FIELDS } from "./web/runtime-helpers.js";
let input = "";
for await (const chunk of process.stdin) input += chunk;
const out = JSON.parse(input).map((raw) => {
  const { state, problem } = readDraft(raw);
  return { state, problem, rows: state ? rowCount(state, "interviewers") : 0, limit: MAX_DRAFT_FIELDS };
});
process.stdout.write(JSON.stringify(out));
"""

texts = st.text(st.characters(codec="utf-8"), max_size=20)
row_keys = st.builds(
    lambda n, f: f"interviewers.{n}.{f}", st.integers(0, 10**9), st.sampled_from(["name", "title", "detail"])
)
keys = st.one_of(texts, row_keys, st.sampled_from(["__proto__", "constructor", "toString", "your_name", ""]))
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | texts,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=6),
    max_leaves=12,
)
stored = st.one_of(
    json_values.map(json.dumps),
    st.dictionaries(keys, json_values, max_size=12).map(json.dumps),
    texts,  # not JSON at all
)


def strict_json(constant: str) -> None:
    raise ValueError(f"{constant} is not JSON")


def restore(raws: list[str]) -> list[dict]:
    done = subprocess.run(
        ["node", "--input-type=module", "-e", RESTORE],
        input=json.dumps(raws),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(stored, min_size=1, max_size=60))
def test_any_stored_value_restores_safely(raws):
    for raw, result in zip(raws, restore(raws), strict=True):
        try:
            value = json.loads(raw, parse_constant=strict_json)  # as JSON.parse reads it
        except ValueError:
            value = None
            assert result == {"state": None, "problem": True, "rows": 0, "limit": result["limit"]}, raw
            continue
        state = result["state"]
        if not isinstance(value, dict):
            assert state is None and result["problem"] is True, raw
            continue
        assert isinstance(state, dict)
        assert all(isinstance(v, (str, bool)) for v in state.values())
        assert all(value[k] == v for k, v in state.items())  # restored as stored, never changed
        fitting = [k for k, v in value.items() if isinstance(v, (str, bool))]
        # (JavaScript lists integer-like keys first: compare as sets; a draft here is under the limit.)
        assert len(fitting) <= result["limit"] and set(state) == set(fitting)
        assert result["problem"] == (len(state) != len(value))
        assert 0 <= result["rows"] <= MAX_INTERVIEWERS


def test_the_page_caps_rows_as_python_does():
    (result,) = restore([json.dumps({"interviewers.4999.name": "x"})])
    assert result["rows"] == MAX_INTERVIEWERS
