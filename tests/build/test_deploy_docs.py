"""What the deploy docs and the privacy page tell a career center and a reader
about headers and browser storage: it must be true of the guide as built."""

from __future__ import annotations

import re

from build_tools.nginx_conf import HSTS_MAX_AGE
from tests.support.site_build import ROOT

DEPLOY = (ROOT / "deploy" / "README.md").read_text()
PRIVACY = (ROOT / "docs" / "privacy.md").read_text()


def words(text: str) -> str:
    return " ".join(text.split())


def test_the_privacy_page_states_the_same_origin_caveat():
    text = words(PRIVACY)
    # Any page of the same origin can read the guide's storage: the page
    # must not promise otherwise.
    assert "not even the site that hosts the guide" not in text
    assert re.search(r"other page served from that same origin[^.]*can read", text)
    assert "Pages of other websites cannot" in text


def test_the_deploy_docs_cover_hsts_coop_corp_coep_compression_and_the_slash():
    text = words(DEPLOY)
    for needed in [
        "Strict-Transport-Security",
        "HSTS=1",
        f"max-age={HSTS_MAX_AGE}",
        "includeSubDomains",
        "Cross-Origin-Opener-Policy: same-origin",
        "Cross-Origin-Resource-Policy: same-origin",
        "Cross-Origin-Embedder-Policy: require-corp",
        "brotli_static on; gzip_static on;",
        "libnginx-mod-http-brotli-static",
        "(`/guide` to `/guide/`)",
        "every page on the guide's origin can read the drafts",
    ]:
        assert needed in text, needed
