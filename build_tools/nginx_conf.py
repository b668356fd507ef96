"""Render the sample nginx configuration for a built site.

    python -m build_tools.nginx_conf --site-dir site --prefix /careers/guide/ \
        --root /var/www/follow-up-guide/site > follow-up-guide.conf

The Content-Security-Policy header is the pages' meta policy (the same script
hashes, read from the built pages) plus frame-ancestors from mkdocs.yml's
``extra.embed.frame_ancestors``: the origins allowed to frame the guide.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import jinja2

from build_tools.csp import header_policy, site_script_hashes
from build_tools.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "deploy" / "nginx" / "follow-up-guide.conf.j2"
HSTS_MAX_AGE = 31_536_000  # one year
_ORIGIN = re.compile(r"^https?://[A-Za-z0-9.-]+(:\d+)?$")


class NginxConfError(ConfigError):
    pass


def frame_ancestors_from_config(config_file: Path) -> list[str]:
    # MkDocs' own YAML loader: it follows INHERIT and reads !ENV tags.
    from mkdocs.utils.yaml import yaml_load

    with config_file.open("rb") as f:
        config = yaml_load(f)
    origins = ((config.get("extra") or {}).get("embed") or {}).get("frame_ancestors") or []
    if not isinstance(origins, list):
        raise NginxConfError("mkdocs.yml: extra.embed.frame_ancestors: must be a list of origins")
    for origin in origins:
        if not isinstance(origin, str) or not _ORIGIN.match(origin):
            raise NginxConfError(
                f"mkdocs.yml: extra.embed.frame_ancestors: {origin!r} is not an origin like https://careers.example.edu"
            )
    return origins


def render(site_dir: Path, prefix: str, root: str, frame_ancestors: list[str], hsts: int = 0) -> str:
    """The configuration; ``hsts`` is the Strict-Transport-Security max-age in
    seconds (0: no such header, for a guide not yet served over HTTPS only)."""
    if not (prefix.startswith("/") and prefix.endswith("/")):
        raise NginxConfError(f"--prefix must start and end with '/', got {prefix!r}")
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATE.parent)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["regex_escape"] = lambda s: re.sub(r"([.^$*+?()\[\]{}|\\])", r"\\\1", s)
    csp = header_policy(site_script_hashes(site_dir), frame_ancestors)
    return env.get_template(TEMPLATE.name).render(prefix=prefix, root=root.rstrip("/"), csp=csp, hsts=hsts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--prefix", default="/", help="the path the guide is served under, e.g. /careers/guide/")
    parser.add_argument("--root", help="where the site folder will be on the server (default: --site-dir)")
    parser.add_argument("--config-file", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument(
        "--hsts",
        action="store_true",
        help="send Strict-Transport-Security (one year): only once the site is served over HTTPS alone",
    )
    args = parser.parse_args(argv)
    try:
        ancestors = frame_ancestors_from_config(args.config_file)
        root = args.root or str(args.site_dir.resolve())
        sys.stdout.write(render(args.site_dir, args.prefix, root, ancestors, HSTS_MAX_AGE if args.hsts else 0))
    except NginxConfError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
