"""``make build``: build the site into a staging folder, then swap it in.

A failed build (a bad widget fence, a missing runtime file) leaves the
previous site/ exactly as it was: never a half-built folder to deploy.

``--finish DIR`` runs only the post-build step (build_tools/postbuild.py:
runtime, wheel, CSP, offline worker, branding files) on a folder another
generator built from the same pages, with mkdocs.yml's extra settings.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from build_tools.errors import BuildError
from build_tools.postbuild import finish_site, settings_from_config
from build_tools.precompress import precompress

ROOT = Path(__file__).resolve().parent.parent


def build(site_dir: Path, config_file: Path) -> int:
    site_dir = site_dir.resolve()
    staging = site_dir.with_name(f".{site_dir.name}.staging")
    old = site_dir.with_name(f".{site_dir.name}.old")
    for leftover in (staging, old):
        shutil.rmtree(leftover, ignore_errors=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--config-file",
            str(config_file),
            "--site-dir",
            str(staging),
        ],
        cwd=ROOT,
        env=env,
    )
    if done.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"build failed: {site_dir} left as it was", file=sys.stderr)
        return done.returncode
    # Last, on the finished files: their compressed copies, for the server.
    precompress(staging)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    return 0


def finish(site_dir: Path, config_file: Path) -> int:
    """The post-build step alone, on a folder some generator wrote."""
    try:
        finish_site(site_dir, settings_from_config(config_file, config_file.as_posix()))
        precompress(site_dir)
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"finished {site_dir}: runtime, Content-Security-Policy, offline worker and compressed copies in place")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--config-file", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--finish", type=Path, metavar="DIR", help="only run the post-build step on DIR")
    args = parser.parse_args(argv)
    if args.finish:
        return finish(args.finish, args.config_file)
    return build(args.site_dir, args.config_file)


if __name__ == "__main__":
    sys.exit(main())
