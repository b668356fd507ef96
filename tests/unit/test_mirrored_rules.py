"""The Python twins of rules the browser applies too pass the same vectors
(tests/vectors/*.json) as their JavaScript twins (tests/js/)."""

from __future__ import annotations

import base64
import json
from pathlib import Path

from build_tools.runtime_assets import sri_hash
from build_tools.widget_html import is_relative_href, linked_pieces, linked_text

VECTORS = Path(__file__).resolve().parent.parent / "vectors"


def load(name: str) -> dict:
    return json.loads((VECTORS / name).read_text(encoding="utf-8"))


def test_the_relative_link_rule_passes_the_shared_vectors():
    vectors = load("linked_text.json")["is_relative_href"]
    assert len(vectors) > 20
    wrong = [v["href"] for v in vectors if is_relative_href(v["href"]) is not v["relative"]]
    assert wrong == []


def test_linked_pieces_pass_the_shared_vectors():
    for vector in load("linked_text.json")["linked_pieces"]:
        assert linked_pieces(vector["text"], vector.get("links")) == vector["pieces"], vector["name"]


def test_linked_text_writes_the_pieces_as_escaped_html():
    html = linked_text("<b>See</b> Timing & more", [{"text": "Timing", "href": '../timing/?a=1&b="2"'}])
    assert str(html) == '&lt;b&gt;See&lt;/b&gt; <a href="../timing/?a=1&amp;b=&quot;2&quot;">Timing</a> &amp; more'
    assert str(linked_text("Go here", [{"text": "here", "href": "javascript:alert(1)"}])) == "Go here"


def test_the_sri_helper_passes_the_shared_vectors(tmp_path):
    vectors = load("sri.json")["vectors"]
    assert len(vectors) >= 3
    for vector in vectors:
        path = tmp_path / "file"
        path.write_bytes(base64.b64decode(vector["base64"]))
        assert sri_hash(path, "sha256") == vector["sha256"], vector["name"]
