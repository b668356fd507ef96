"""``make build``: build the site into a staging folder, then swap it in.

A failed build (a bad widget fence, a missing runtime file) leaves the
previous site/ exactly as it was: never a half-built folder to deploy.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

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
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--config-file", type=Path, default=ROOT / "mkdocs.yml")
    args = parser.parse_args(argv)
    return build(args.site_dir, args.config_file)


if __name__ == "__main__":
    sys.exit(main())
