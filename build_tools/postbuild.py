"""The post-build step: what happens to a finished site, whatever generator
wrote its pages (MkDocs today; Zensical or a script tomorrow).

``finish_site`` runs on the output folder, in this order:
1. the career center's files (logo, center.css), if mkdocs.yml brands the guide;
2. the runtime: web/ into assets/widget-runtime/, the pinned Pyodide, the
   widgets' wheel (build_tools/runtime_assets.py);
3. the widgets' worker starter moved into the head of the pages that have
   widgets (build_tools/early_start.py);
4. the Content-Security-Policy meta tag in every page, with the hashes of the
   pages' inline scripts as written (build_tools/csp.py): after every change
   to the HTML;
5. the offline worker, listing every file with its hash (build_tools/offline.py):
   last, after every change to any file.

``python -m build_tools.build --finish DIR`` runs it on a folder that another
generator built; the MkDocs adapter runs it from its post-build event.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from build_tools.branding import CSS_URI, Branding, center_css, load_branding
from build_tools.csp import add_policy_to_pages
from build_tools.early_start import move_worker_start_to_head
from build_tools.errors import ConfigError
from build_tools.offline import offline_enabled, write_offline_worker
from build_tools.runtime_assets import install_runtime


@dataclass(frozen=True)
class SiteSettings:
    """What the post-build step needs from the site's configuration."""

    offline: bool = True  # extra.offline
    center: Branding | None = None  # extra.center, checked


def finish_site(site_dir: Path, settings: SiteSettings) -> None:
    if not (site_dir / "index.html").is_file():
        raise ConfigError(f"{site_dir}: no index.html, so not a built site")
    write_center_files(site_dir, settings.center)
    install_runtime(site_dir)
    move_worker_start_to_head(site_dir)
    add_policy_to_pages(site_dir)
    write_offline_worker(site_dir, settings.offline)


def write_center_files(site_dir: Path, center: Branding | None) -> None:
    """The center's logo and colours, where the pages' header and stylesheet
    link expect them (``Branding.logo_uri``, ``branding.CSS_URI``)."""
    if center and center.logo and center.logo_uri:
        logo = site_dir / center.logo_uri
        logo.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(center.logo, logo)
    css = center_css(center) if center else None
    if css:
        target = site_dir / CSS_URI
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(css, encoding="utf-8")


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as plain data: generator-specific tags (!ENV, !!python/name)
    read as their plain value; only extra.offline and extra.center matter here."""


def _plain(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_ConfigLoader.add_multi_constructor("!", _plain)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _plain)


def settings_from_config(config_file: Path, shown_as: str | None = None) -> SiteSettings:
    """The settings a guide's mkdocs.yml gives (the file Zensical reads too)."""
    shown_as = shown_as or config_file.name
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{shown_as}: cannot be read: {exc}") from None
    extra = config.get("extra") or {}
    return SiteSettings(
        offline=offline_enabled(extra),
        center=load_branding(extra.get("center"), config_file.parent, shown_as),
    )
