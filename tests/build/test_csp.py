"""The Content-Security-Policy: what the build puts in every page, and the
header the nginx sample sends."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from build_tools.csp import header_policy, inline_script_hashes, policy
from build_tools.nginx_conf import NginxConfError, frame_ancestors_from_config, render
from tests.support.site_build import build_site


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("csp") / "site"
    done = build_site(root)
    assert done.returncode == 0, done.stderr
    return root


def meta_policies(html: str) -> list[str]:
    return [unescape(m) for m in re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)]


def test_inline_script_hashes():
    html = (
        '<script>a()</script><script src="x.js"></script>'
        '<script type="application/json">{"not": "run"}</script><script type="module">b()</script>'
    )
    # `printf 'a()' | openssl dgst -sha256 -binary | base64`, and the same for b().
    assert inline_script_hashes(html) == {
        "'sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4='",
        "'sha256-cf242PFc/kb7xD0Qzhsmd9vvRkc+cWFmbi+k+YvtdKc='",
    }


def test_every_page_has_one_policy_allowing_exactly_its_inline_scripts(site):
    policies = set()
    for page in site.rglob("*.html"):
        html = page.read_text()
        (meta,) = meta_policies(html)
        assert html.index("Content-Security-Policy") < html.index("<script"), page  # before any script
        script_src = next(d for d in meta.split("; ") if d.startswith("script-src "))
        assert inline_script_hashes(html) <= set(script_src.split()), page
        policies.add(meta)
    assert len(policies) == 1  # the same everywhere: instant navigation may carry it across


def test_the_policy_is_strict(site):
    (meta,) = meta_policies((site / "index.html").read_text())
    directives = dict(d.split(" ", 1) for d in meta.split("; "))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"].startswith("'self' 'wasm-unsafe-eval' 'sha256-")
    assert "'unsafe-inline'" not in meta and "'unsafe-eval'" not in meta
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'self'"
    assert directives["form-action"] == "'none'"
    assert "frame-ancestors" not in meta  # ignored in meta; the header carries it


def test_header_adds_frame_ancestors():
    assert header_policy(set(), []) == policy(set()) + "; frame-ancestors 'self'"
    assert header_policy(set(), ["https://careers.example.edu"]).endswith(
        "; frame-ancestors 'self' https://careers.example.edu"
    )


def test_nginx_sample_renders_for_a_sub_path(site):
    conf = render(site, "/careers/guide/", "/var/www/guide/site", ["https://careers.example.edu"])
    assert "location /careers/guide/ {" in conf and "alias /var/www/guide/site/;" in conf
    assert 'location ~ "^/careers/guide/assets/' in conf
    # The guide, its immutable files, and the redirect from its address without the slash.
    assert conf.count("add_header Content-Security-Policy") == 3
    assert "frame-ancestors 'self' https://careers.example.edu" in conf
    with pytest.raises(NginxConfError, match="--prefix must start and end with '/'"):
        render(site, "careers", "/srv", [])


@pytest.mark.parametrize(
    "value, message",
    [
        ("https://ok.example.edu", None),
        ("careers.example.edu", "'careers.example.edu' is not an origin like https://careers.example.edu"),
        ("https://x.edu/path", "'https://x.edu/path' is not an origin"),
        ("*", "'*' is not an origin"),
    ],
)
def test_frame_ancestors_come_from_mkdocs_yml(tmp_path, value, message):
    root = Path(__file__).resolve().parents[2]
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {root / 'mkdocs.yml'}\ndocs_dir: {root / 'docs'}\n"
        f"extra:\n  embed:\n    frame_ancestors: ['{value}']\n"
    )
    if message is None:
        assert frame_ancestors_from_config(config) == [value]
    else:
        with pytest.raises(NginxConfError, match=re.escape(message)):
            frame_ancestors_from_config(config)
