"""Build the installers: `python packaging/build.py linux|windows|macos|bundle` (output in dist/)."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]

import icons  # noqa: E402

import assistant  # noqa: E402

BUILD = ROOT / "build"
DIST = ROOT / "dist"


def say(text: str) -> None:
    print(f"==> {text}", file=sys.stderr, flush=True)


def run(*cmd: str | Path, **kw: object) -> None:
    subprocess.run([str(c) for c in cmd], check=True, **kw)  # type: ignore[call-overload]


def bundle() -> Path:
    """The one-folder PyInstaller bundle, dist/mail-assistant (or the .app on macOS)."""
    say("compiling translations (.ts -> .qm)")
    run(sys.executable, "-m", "assistant.gui.i18n_build", cwd=ROOT)
    say("rendering icons")
    icon_dir = icons.make_icons(BUILD / "icons")
    if sys.platform == "darwin":
        run("iconutil", "-c", "icns", icon_dir / "app.iconset", "-o", icon_dir / "app.icns")
    say("PyInstaller one-folder bundle")
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    run(
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        DIST,
        "--workpath",
        BUILD / "pyinstaller",
        HERE / "mail-assistant.spec",
        "--",
        "--icons",
        icon_dir,
        cwd=ROOT,
        env=env,
    )
    if sys.platform == "darwin":
        return DIST / f"{assistant.APP_NAME}.app"
    return DIST / "mail-assistant"


def linux(args: argparse.Namespace) -> Path:
    from linux import deb

    folder = bundle() if not args.reuse_bundle else DIST / "mail-assistant"
    return deb.build_deb(folder, BUILD / "icons", DIST, compression=args.compression)


def windows(args: argparse.Namespace) -> Path:
    folder = bundle()
    iscc = shutil.which("iscc") or r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe"
    say("Inno Setup installer")
    run(
        iscc,
        "/Qp",
        f"/DAppVersion={assistant.__version__}",
        f"/DAppName={assistant.APP_NAME}",
        f"/DAppPublisher={assistant.PUBLISHER}",
        f"/DAppURL={assistant.HOMEPAGE}",
        f"/DSourceDir={folder}",
        f"/DOutputDir={DIST}",
        f"/DIconFile={BUILD / 'icons' / 'app.ico'}",
        f"/DLicenseFile={ROOT / 'LICENSE'}",
        HERE / "windows" / "mail-assistant.iss",
    )
    return DIST / f"mail-setup-assistant-{assistant.__version__}-setup.exe"


def macos(args: argparse.Namespace) -> Path:
    app = bundle()
    identity = os.environ.get("MACOS_CODESIGN_IDENTITY", "")
    if identity:
        say(f"signing {app.name} (hardened runtime)")
        run(
            "codesign",
            "--force",
            "--deep",
            "--timestamp",
            "--options",
            "runtime",
            "--entitlements",
            HERE / "macos" / "entitlements.plist",
            "--sign",
            identity,
            app,
        )
    else:
        say("MACOS_CODESIGN_IDENTITY not set: the .app stays unsigned (ad hoc)")
    say("disk image")
    stage = BUILD / "dmg"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    run("ditto", app, stage / app.name)
    (stage / "Applications").symlink_to("/Applications")
    dmg = DIST / f"mail-setup-assistant-{assistant.__version__}.dmg"
    dmg.unlink(missing_ok=True)
    run("hdiutil", "create", "-volname", assistant.APP_NAME, "-srcfolder", stage, "-format", "UDZO", dmg)
    if identity:
        run("codesign", "--timestamp", "--sign", identity, dmg)
    return dmg


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("target", choices=("bundle", "linux", "windows", "macos"))
    parser.add_argument(
        "--compression",
        choices=("xz", "gzip", "zstd", "none"),
        default="xz",
        help=".deb compression (linux; default xz)",
    )
    parser.add_argument(
        "--reuse-bundle", action="store_true", help="linux: package dist/mail-assistant as is"
    )
    args = parser.parse_args()
    target = {"bundle": lambda _a: bundle(), "linux": linux, "windows": windows, "macos": macos}[args.target]
    result = target(args)
    print(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
