"""The .deb: the bundle under /opt, a launcher, desktop entry, icons and AppStream data, built by dpkg-deb."""

from __future__ import annotations

import datetime
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import assistant

HERE = Path(__file__).resolve().parent
PACKAGE = "mail-setup-assistant"
PREFIX = Path("opt") / PACKAGE
LAUNCHER = "mail-assistant"
# Found on a desktop anyway, but not needed for the app to run: recommended, not required.
RECOMMENDS = [
    "fonts-noto-cjk",  # without a CJK font every Japanese string is a row of boxes
    "gnome-keyring | keepassxc | kwalletmanager",  # a Secret Service for the passwords
    "libgtk-3-0",  # only the GTK platform theme plugin (native dialogs and colours) uses it
]
# Plugins whose libraries are recommended above rather than required.
OPTIONAL_PLUGINS = ("libqgtk3.so",)
# Pictures from `mail-assistant screenshots DIR`, published under docs/screenshots/ (AppStream wants URLs).
SCREENSHOTS = [
    ("en-1-account.png", "Just your address and password", "メールアドレスとパスワードを入れるだけです"),
    ("en-4-testing-done.png", "Every server tested step by step", "サーバーごとに一つずつ確かめます"),
    ("ja-5-fail-auth.png", "A failed login, explained", "ログインの失敗を説明します"),
]


def _say(text: str) -> None:
    print(f"==> {text}", file=sys.stderr, flush=True)


def is_elf(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(4) == b"\x7fELF"


def shlib_depends(bundle: Path) -> str:
    """The Depends line for every ELF file in the bundle, as dpkg-shlibdeps works it out."""
    elves = [
        p
        for p in sorted(bundle.rglob("*"))
        if p.is_file() and not p.is_symlink() and p.name not in OPTIONAL_PLUGINS and is_elf(p)
    ]
    private = sorted({str(p.parent) for p in elves if ".so" in p.name})
    with tempfile.TemporaryDirectory() as tmp:
        # dpkg-shlibdeps reads debian/control of a source package: give it a minimal one.
        (Path(tmp) / "debian").mkdir()
        (Path(tmp) / "debian" / "control").write_text(
            f"Source: {PACKAGE}\n\nPackage: {PACKAGE}\nArchitecture: any\n"
        )
        out = subprocess.run(
            [
                "dpkg-shlibdeps",
                "-O",
                "--ignore-missing-info",
                "--warnings=0",
                *[f"-l{d}" for d in private],
                *[str(p) for p in elves],
            ],
            cwd=tmp,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    match = re.search(r"^shlibs:Depends=(.*)$", out, re.MULTILINE)
    if not match:
        raise SystemExit(f"dpkg-shlibdeps gave no Depends line:\n{out}")
    return match.group(1).strip()


def _fill(template: Path, **values: str) -> str:
    text = template.read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(f"@{key}@", value)
    if re.search(r"@[A-Z_]+@", text):
        raise SystemExit(f"unfilled placeholder in {template.name}")
    return text


def _screenshots_xml() -> str:
    base = f"{assistant.HOMEPAGE}/raw/main/docs/screenshots"
    items = []
    for i, (name, caption, caption_ja) in enumerate(SCREENSHOTS):
        kind = ' type="default"' if i == 0 else ""
        items.append(
            f"    <screenshot{kind}>\n      <caption>{caption}</caption>\n"
            f'      <caption xml:lang="ja">{caption_ja}</caption>\n'
            f"      <image>{base}/{name}</image>\n    </screenshot>"
        )
    return "\n".join(items)


def _install(src: Path, dst: Path, mode: int = 0o644) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)
    dst.chmod(mode)


def stage_tree(bundle: Path, icons: Path, root: Path) -> None:
    """Lay the package's files out under `root` as they will be on the user's disk."""
    app_id = assistant.APP_ID
    shutil.copytree(bundle, root / PREFIX, symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / LAUNCHER).symlink_to(f"/{PREFIX}/{LAUNCHER}")
    share = root / "usr" / "share"
    _install(HERE / f"{app_id}.desktop", share / "applications" / f"{app_id}.desktop")
    _install(icons / "app.svg", share / "icons" / "hicolor" / "scalable" / "apps" / f"{app_id}.svg")
    for png in sorted((icons / "hicolor").glob("*.png")):
        size = png.stem
        _install(png, share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{app_id}.png")
    today = (
        datetime.datetime.fromtimestamp(
            int(os.environ.get("SOURCE_DATE_EPOCH", "0")) or datetime.datetime.now().timestamp(), datetime.UTC
        )
        .date()
        .isoformat()
    )
    metainfo = _fill(
        HERE / f"{app_id}.metainfo.xml",
        APP_ID=app_id,
        VERSION=assistant.__version__,
        DATE=today,
        PUBLISHER=assistant.PUBLISHER,
        HOMEPAGE=assistant.HOMEPAGE,
        SCREENSHOTS=_screenshots_xml(),
    )
    (share / "metainfo").mkdir(parents=True)
    (share / "metainfo" / f"{app_id}.metainfo.xml").write_text(metainfo, encoding="utf-8")
    doc = share / "doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(_copyright(bundle), encoding="utf-8")


def _copyright(bundle: Path) -> str:
    root = Path(__file__).resolve().parents[2]
    text = (
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        f"Upstream-Name: {assistant.APP_NAME}\nSource: {assistant.HOMEPAGE}\n\n"
        f"Files: *\nCopyright: {assistant.PUBLISHER}\nLicense: MIT\n"
    )
    text += "".join(" " + (line or ".") + "\n" for line in (root / "LICENSE").read_text().splitlines())
    notices = sorted((bundle / "_internal" / "resources" / "providers").glob("*LICENSE*")) + sorted(
        (bundle / "_internal" / "resources" / "providers").glob("*NOTICE*")
    )
    if notices:
        text += (
            f"\nFiles: {PREFIX}/_internal/resources/providers/*\n"
            "License: MPL-2.0\n See /opt/mail-setup-assistant/_internal/resources/providers/"
            f"{notices[0].name}\n"
        )
    text += (
        f"\nFiles: {PREFIX}/_internal/PySide6/* {PREFIX}/_internal/shiboken6/*\n"
        "License: LGPL-3.0\n Qt for Python and Qt, used under the GNU LGPL version 3;\n"
        " see /usr/share/common-licenses/LGPL-3.\n"
    )
    return text


def _md5sums(root: Path) -> str:
    lines = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink() and path.parts[len(root.parts)] != "DEBIAN":
            digest = hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()
            lines.append(f"{digest}  {path.relative_to(root)}\n")
    return "".join(lines)


def _maintainer_scripts(debian: Path) -> None:
    refresh = (
        "if command -v update-desktop-database >/dev/null 2>&1; then\n"
        "    update-desktop-database -q /usr/share/applications || true\nfi\n"
        "if command -v gtk-update-icon-cache >/dev/null 2>&1; then\n"
        "    gtk-update-icon-cache -q -t -f /usr/share/icons/hicolor || true\nfi\n"
    )
    (debian / "postinst").write_text(
        f'#!/bin/sh\nset -e\nif [ "$1" = configure ]; then\n{refresh}fi\nexit 0\n'
    )
    # Anything the app left in its own folder (it should leave nothing) goes with the package.
    (debian / "postrm").write_text(
        '#!/bin/sh\nset -e\ncase "$1" in\n  remove|purge)\n'
        f"    rm -rf /{PREFIX}\n{refresh}    ;;\nesac\nexit 0\n"
    )
    for name in ("postinst", "postrm"):
        (debian / name).chmod(0o755)


def build_deb(bundle: Path, icons: Path, out: Path, *, compression: str = "xz") -> Path:
    """Stage the tree, work out Depends, write DEBIAN/, run dpkg-deb; return the .deb's path."""
    arch = subprocess.run(["dpkg", "--print-architecture"], check=True, capture_output=True, text=True)
    arch_name = arch.stdout.strip()
    root = Path(tempfile.mkdtemp(prefix="deb-", dir=bundle.parent.parent / "build"))
    root.chmod(0o755)  # becomes "/" in the archive
    try:
        _say("staging the package tree")
        stage_tree(bundle, icons, root)
        _say("dpkg-shlibdeps: the system libraries the bundle needs")
        depends = shlib_depends(root / PREFIX)
        size_kib = sum(p.lstat().st_size for p in root.rglob("*")) // 1024
        debian = root / "DEBIAN"
        debian.mkdir()
        (debian / "control").write_text(
            f"Package: {PACKAGE}\nVersion: {assistant.__version__}\nArchitecture: {arch_name}\n"
            f"Maintainer: {assistant.PUBLISHER}\n"
            f"Installed-Size: {size_kib}\nDepends: {depends}\nRecommends: {', '.join(RECOMMENDS)}\n"
            f"Section: mail\nPriority: optional\nHomepage: {assistant.HOMEPAGE}\n"
            f"Description: {assistant.APP_NAME} ({assistant.APP_NAME_JA})\n"
            " Finds a mail account's settings from the e-mail address, tests the incoming and\n"
            " outgoing servers for real, and explains every failure in plain Japanese or English.\n"
        )
        _maintainer_scripts(debian)
        (debian / "md5sums").write_text(_md5sums(root))
        out.mkdir(parents=True, exist_ok=True)
        deb = out / f"{PACKAGE}_{assistant.__version__}_{arch_name}.deb"
        _say(f"dpkg-deb ({compression})")
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", f"-Z{compression}", "--build", str(root), str(deb)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        return deb
    finally:
        shutil.rmtree(root, ignore_errors=True)
