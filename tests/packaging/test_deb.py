"""Build the .deb, install it with apt, run the installed self-test, check what landed where, purge it."""

from __future__ import annotations

import configparser
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import assistant
from tests.lab.keyring import SecretServiceLab

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "mail-setup-assistant"
OPT = Path("/opt") / PACKAGE
LAUNCHER = Path("/usr/bin/mail-assistant")
SHARE = Path("/usr/share")
APP_ID = assistant.APP_ID
APT = ["apt-get", "-y", "-q", "-o", "DPkg::Lock::Timeout=300"]
# What the installed app gets: no venv, no checkout on the path, a home of its own.
CLEAN_ENV = {"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8"}

pytestmark = pytest.mark.slow


def run(
    cmd: list[str], *, env: dict[str, str] | None = None, check: bool = True
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)
    if check:
        assert done.returncode == 0, f"{' '.join(cmd)} -> {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done


def purge() -> None:
    """Remove the package if a previous run (or a person) left it installed."""
    installed = run(["dpkg-query", "-W", "-f=${Status}", PACKAGE], check=False).stdout
    if "installed" in installed or "config-files" in installed:
        run([*APT, "purge", PACKAGE], env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})


@pytest.fixture(scope="module")
def deb() -> Path:
    assert os.geteuid() == 0, "this test installs a package: run it as root (CI does)"
    done = run([sys.executable, "packaging/build.py", "linux"])
    path = Path(done.stdout.strip().splitlines()[-1])
    assert path.name == f"{PACKAGE}_{assistant.__version__}_{path.name.rsplit('_', 1)[1]}"
    return path


@pytest.fixture(scope="module")
def installed(deb: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    purge()
    run([*APT, "install", str(deb)], env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    home = tmp_path_factory.mktemp("home")
    yield {**CLEAN_ENV, "HOME": str(home), "XDG_RUNTIME_DIR": str(home)}
    purge()


def test_control_names_qt_libraries_and_recommends_a_secret_service(deb: Path) -> None:
    fields = run(["dpkg-deb", "--field", str(deb), "Depends", "Recommends", "Version"]).stdout
    depends = fields.split("Recommends:")[0]
    qt_needs = (
        "libegl1",
        "libgl1",
        "libfontconfig1",
        "libxkbcommon0",
        "libxkbcommon-x11-0",
        "libxcb-cursor0",
        "libxcb-icccm4",
        "libxcb-keysyms1",
        "libdbus-1-3",
        "libc6",
    )
    for lib in qt_needs:
        assert lib in depends, f"Depends lacks {lib}: {depends}"
    assert "gnome-keyring" in fields.split("Recommends:")[1]
    assert "fonts-noto-cjk" in fields
    assert f"Version: {assistant.__version__}" in fields


def test_installed_self_test_passes_from_the_bundle(installed: dict[str, str]) -> None:
    assert LAUNCHER.is_symlink() and LAUNCHER.resolve() == OPT / "mail-assistant"
    done = run([str(LAUNCHER), "--self-test"], env=installed, check=False)
    assert done.returncode == 0, f"installed self-test failed:\n{done.stdout}\n{done.stderr}"
    assert "installed bundle" in done.stdout  # the frozen app, not a checkout
    version = run([str(LAUNCHER), "--version"], env=installed).stdout
    assert assistant.__version__ in version


# The scripts the frozen program runs before our code, at every start: PyInstaller's boot script, its
# runtime hooks, our launcher. Each hook imports its package first. These are the bare Qt bundle's (inspect,
# pyside6) plus two cheap ones (pkgutil: the self-test lists our modules; cryptography's is an isdir). A new
# hook comes with a new package in the bundle: setuptools' cost ~60 ms per start, multiprocessing's ~10 ms
# (see EXCLUDED_MODULES in packaging/qtparts.py). Measure it (tests/bench/bundle.py), then exclude the
# package or add the hook here.
STARTUP_SCRIPTS = {
    "pyiboot01_bootstrap",
    "pyi_rth_inspect",
    "pyi_rth_pyside6",
    "pyi_rth_pkgutil",
    "pyi_rth_cryptography_openssl",
    "launcher",
}


def test_installed_program_runs_no_other_startup_script(installed: dict[str, str]) -> None:
    from PyInstaller.archive.readers import CArchiveReader

    toc = CArchiveReader(str(OPT / "mail-assistant")).toc
    scripts = {name for name, entry in toc.items() if entry[-1] == "s"}  # typecode 's': run at start
    assert scripts == STARTUP_SCRIPTS


def test_installed_app_reaches_a_real_secret_service(installed: dict[str, str], tmp_path: Path) -> None:
    """keyring finds its backends through entry points: the frozen app must still pick Secret Service."""
    service = SecretServiceLab(tmp_path).start()
    try:
        lab_env = service.env()
        keys = ("DBUS_SESSION_BUS_ADDRESS", "HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_RUNTIME_DIR")
        env = {**installed, **{k: lab_env[k] for k in keys}}
        done = run([str(LAUNCHER), "self-test", "--json"], env=env, check=False)
    finally:
        service.stop()
    keyring = next(c for c in json.loads(done.stdout)["checks"] if c["name"] == "keyring")
    assert "SecretService" in keyring["detail"], keyring


def test_bundle_finds_every_library_it_links(installed: dict[str, str]) -> None:
    """The Depends line covers the system libraries: nothing in /opt links to a missing one."""
    missing = []
    for path in OPT.rglob("*"):
        if path.is_symlink() or not path.is_file() or path.name == "libqgtk3.so":  # GTK is only recommended
            continue
        with path.open("rb") as f:
            if f.read(4) != b"\x7fELF":
                continue
        out = run(["ldd", str(path)], check=False).stdout
        missing += [f"{path.name}: {line.strip()}" for line in out.splitlines() if "not found" in line]
    assert not missing, "\n".join(missing)


def test_menu_entry_icon_and_metainfo_are_in_place(installed: dict[str, str]) -> None:
    desktop = SHARE / "applications" / f"{APP_ID}.desktop"
    run(["desktop-file-validate", str(desktop)])
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(desktop, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Name"] == assistant.APP_NAME and section["Name[ja]"] == assistant.APP_NAME_JA
    assert section["Icon"] == APP_ID and "Email" in section["Categories"]
    assert shutil.which(section["Exec"].split()[0], path=installed["PATH"]) == str(LAUNCHER)
    hicolor = SHARE / "icons" / "hicolor"
    assert (hicolor / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    for size in (16, 32, 48, 128, 256):
        assert (hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    metainfo = SHARE / "metainfo" / f"{APP_ID}.metainfo.xml"
    run(["appstreamcli", "validate", "--no-net", str(metainfo)])
    text = metainfo.read_text(encoding="utf-8")
    assert f'<release version="{assistant.__version__}"' in text and "<screenshot" in text
    internal = OPT / "_internal"
    licences = (internal / "resources" / "providers" / "ISPDB-LICENSE", internal / "LICENSE")
    assert all(p.is_file() for p in licences)
    assert "MPL-2.0" in (SHARE / "doc" / PACKAGE / "copyright").read_text(encoding="utf-8")


def test_menu_command_opens_a_window_under_xvfb(installed: dict[str, str]) -> None:
    """The desktop entry's command shows a real X11 window (xcb plugin and its libraries all present)."""
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(SHARE / "applications" / f"{APP_ID}.desktop", encoding="utf-8")
    command = entry["Desktop Entry"]["Exec"].split()
    env = {**installed, "MAIL_ASSISTANT_EXIT_WHEN_SHOWN": "1"}  # assistant/gui/app.py: exit at first paint
    done = subprocess.run(
        ["dbus-run-session", "--", "xvfb-run", "-a", "-s", "-screen 0 1280x800x24", *command],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    output = f"exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    assert done.returncode == 0 and "shown " in done.stdout, output


def test_purge_leaves_nothing_behind(installed: dict[str, str]) -> None:
    run([*APT, "purge", PACKAGE], env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    left = [p for p in (OPT, LAUNCHER, SHARE / "applications" / f"{APP_ID}.desktop",
                        SHARE / "metainfo" / f"{APP_ID}.metainfo.xml",
                        SHARE / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
                        SHARE / "doc" / PACKAGE) if p.exists() or p.is_symlink()]  # fmt: skip
    assert not left, f"left after purge: {left}"
    status = run(["dpkg-query", "-W", "-f=${Status}", PACKAGE], check=False).stdout
    assert "installed" not in status
