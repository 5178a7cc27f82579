"""`mail-assistant --self-test`: check offline that this installation (source or bundle) has all it needs."""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import assistant
from assistant.core.messages import system_language, tr
from assistant.core.resources import resources_root


class Missing(Exception):
    """A check found something absent or broken; the message says what."""


@dataclass(frozen=True)
class Outcome:
    name: str
    ok: bool
    detail: str


def frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


# -- the checks: each returns a short technical detail, or raises Missing ------------------------------


def check_resources() -> str:
    root = resources_root()
    wanted = [root / d for d in ("messages", "providers", "explanations", "i18n", "icons")]
    wanted += [root.parent / "LICENSE", root / "providers" / "ISPDB-LICENSE"]
    absent = [str(p.relative_to(root.parent)) for p in wanted if not p.exists()]
    if absent:
        raise Missing(f"not found under {root.parent}: {', '.join(absent)}")
    return str(root)


def check_modules() -> str:
    """Import every module of the app: pages and subcommands are imported lazily, so a bundle can lack one."""
    names = [m.name for m in pkgutil.walk_packages(assistant.__path__, "assistant.")]
    broken = []
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as exc:  # any import error is a finding
            broken.append(f"{name} ({type(exc).__name__}: {exc})")
    if broken:
        raise Missing("; ".join(broken))
    return f"{len(names)} modules"


def check_messages() -> str:
    from assistant.core.messages import message_ids

    ids = message_ids()
    if not ids:
        raise Missing("resources/messages has no messages")
    return f"{len(ids)} messages"


def _qt_app() -> Any:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([sys.argv[0], "-platform", "offscreen"])


def check_qt() -> str:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtWidgets import QLabel

    app = _qt_app()
    label = QLabel(f"{assistant.APP_NAME} / {assistant.APP_NAME_JA}")
    label.show()
    app.processEvents()
    shown = label.isVisible()
    label.close()
    if not shown:
        raise Missing("a window could not be shown")
    return f"PySide6 {pyside_version}, platform {app.platformName()}"


def _plugin_files() -> set[str]:
    from PySide6.QtCore import QCoreApplication

    found = set()
    for base in QCoreApplication.libraryPaths():
        for path in Path(base).glob("*/*"):
            stem = path.name.split(".")[0].removeprefix("lib")
            found.add(f"{path.parent.name}/{stem}")
    return found


def check_qt_plugins() -> str:
    _qt_app()
    needed = ["platforms/qoffscreen", "imageformats/qsvg", "iconengines/qsvgicon"]
    if sys.platform.startswith("linux"):
        needed += ["platforms/qxcb", "platforminputcontexts/ibusplatforminputcontextplugin"]
    elif sys.platform == "win32":
        needed += ["platforms/qwindows"]
    elif sys.platform == "darwin":
        needed += ["platforms/qcocoa"]
    have = _plugin_files()
    absent = [n for n in needed if n not in have]
    if absent:
        raise Missing(", ".join(absent))
    return ", ".join(n.split("/")[1] for n in needed)


def check_translations() -> str:
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

    app = _qt_app()
    ours = sorted((resources_root() / "i18n").glob("*.qm"))
    if not ours:
        raise Missing("no compiled translations (resources/i18n/*.qm)")
    translators = []
    for qm in ours:
        translator = QTranslator(app)
        if not translator.load(str(qm)):
            raise Missing(f"{qm.name} does not load")
        translators.append(translator)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    if not qtbase.load("qtbase_ja", qt_dir):
        raise Missing(f"qtbase_ja.qm not found in {qt_dir}")
    app.installTranslator(qtbase)
    cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")
    app.removeTranslator(qtbase)
    if cancel == "Cancel":
        raise Missing("qtbase_ja.qm loads but does not translate")
    return f"{', '.join(q.name for q in ours)}, qtbase_ja.qm"


def check_icons() -> str:
    from PySide6.QtGui import QIcon

    _qt_app()
    svgs = sorted((resources_root() / "icons").glob("*.svg"))
    if not svgs:
        raise Missing("no SVG icons in resources/icons")
    for svg in svgs:
        if QIcon(str(svg)).pixmap(64, 64).isNull():
            raise Missing(f"{svg.name} does not render")
    return ", ".join(svg.name for svg in svgs)


def _database() -> Any:
    from assistant.core.discovery.providers import bundled

    return bundled()


def check_providers() -> str:
    database = _database()
    if not database.providers:
        raise Missing("the bundled provider database is empty")
    return f"{len(database.providers)} providers"


def check_keyring() -> str:
    """Report the backend; fail only if this platform's own backend is missing from the install."""
    native = {"linux": "SecretService", "win32": "Windows", "darwin": "macOS"}
    module = native.get("linux" if sys.platform.startswith("linux") else sys.platform)
    if module:
        try:
            importlib.import_module(f"keyring.backends.{module}")
        except ImportError as exc:
            raise Missing(f"keyring.backends.{module} cannot be imported: {exc}") from None
    from assistant.core.secrets import PasswordStore

    return f"backend {PasswordStore(timeout=5).backend_name()}"


def check_tls() -> str:
    from assistant.core.net import NetConfig
    from assistant.core.tls import client_context

    context = client_context(NetConfig())
    if type(context).__module__.startswith("truststore"):  # macOS/Windows: the OS verifies
        return "operating system trust store"
    stats = context.cert_store_stats()
    if not stats.get("x509_ca"):
        raise Missing("the TLS context trusts no certificate authority: servers could not be verified")
    return f"{stats['x509_ca']} CA certificates"


def check_dns() -> str:
    import dns.rdata
    import dns.rdataclass
    import dns.rdatatype

    mx = dns.rdata.from_text(dns.rdataclass.IN, dns.rdatatype.MX, "10 mail.example.jp.")
    srv = dns.rdata.from_text(dns.rdataclass.IN, dns.rdatatype.SRV, "0 1 993 imap.example.jp.")
    return f"MX {mx.to_text()}, SRV {srv.to_text()}"


def check_discovery() -> str:
    from assistant.core import discovery
    from assistant.core.net import NetConfig

    if not hasattr(discovery, "discover"):
        raise Missing("assistant.core.discovery.discover is not there")
    providers = [p for p in _database().providers if not getattr(p, "mx_only", False)]
    domain = next(d for p in providers for d in p.domains if not d.startswith("*."))
    result = discovery.discover(f"taro@{domain}", net=NetConfig(), offline=True)
    if not (result.incoming and result.outgoing):
        sources = "; ".join(f"{o.as_dict()}" for o in result.outcomes)
        raise Missing(f"offline discovery for {domain} found no complete settings ({sources})")
    best = result.incoming[0]
    return f"{domain}: {best.protocol.value} {best.host}:{best.port} ({result.winner})"


def check_explain() -> str:
    from assistant.core.explain import explain
    from assistant.core.failures import FailureCode
    from assistant.core.model import Evidence, Protocol, Security, Stage

    evidence = Evidence(
        stage=Stage.LOGIN,
        code=FailureCode.AUTH_FAILED.value,
        host="imap.example.jp",
        port=993,
        protocol=Protocol.IMAP,
        security=Security.SSL,
        response_code="AUTHENTICATIONFAILED",
    )
    titles = {lang: explain(evidence, lang=lang) for lang in ("ja", "en")}
    empty = [lang for lang, e in titles.items() if not (e.title and e.steps)]
    if empty:
        raise Missing(f"explanation {titles['en'].id} has no text in {', '.join(empty)}")
    return f"{titles['en'].id}: {titles['ja'].title}"


CHECKS: list[tuple[str, Callable[[], str]]] = [
    ("resources", check_resources),
    ("modules", check_modules),
    ("messages", check_messages),
    ("qt", check_qt),
    ("qt_plugins", check_qt_plugins),
    ("translations", check_translations),
    ("icons", check_icons),
    ("providers", check_providers),
    ("keyring", check_keyring),
    ("tls", check_tls),
    ("dns", check_dns),
    ("discovery", check_discovery),
    ("explain", check_explain),
]


def run_checks() -> list[Outcome]:
    outcomes = []
    for name, check in CHECKS:
        try:
            outcomes.append(Outcome(name, True, check()))
        except Missing as exc:
            outcomes.append(Outcome(name, False, str(exc)))
        except Exception as exc:  # a crash inside a check is a finding too, reported in one line
            outcomes.append(Outcome(name, False, f"{type(exc).__name__}: {exc}"))
    return outcomes


def _t(key: str, lang: str, **values: object) -> str:
    """tr(), or the bare key when the catalog itself is what this installation lacks."""
    try:
        return tr(key, lang, **values)
    except (KeyError, OSError, ValueError):
        return " ".join([key, *(f"{k}={v}" for k, v in values.items())])


def run_self_test(lang: str | None = None, as_json: bool = False) -> int:
    lang = lang or system_language()
    outcomes = run_checks()
    failed = [o for o in outcomes if not o.ok]
    if as_json:
        print(json.dumps({
            "version": assistant.__version__, "frozen": frozen(), "ok": not failed,
            "checks": [{"name": o.name, "ok": o.ok, "detail": o.detail} for o in outcomes],
        }, ensure_ascii=False, indent=2))  # fmt: skip
    else:
        where = _t("selftest.where.bundle" if frozen() else "selftest.where.source", lang)
        print(_t("selftest.title", lang, version=assistant.__version__, where=where))
        for o in outcomes:
            mark = _t("selftest.ok" if o.ok else "selftest.failed", lang)
            print(f"  {mark:8} {_t(f'selftest.check.{o.name}', lang)}: {o.detail}")
        summary = "selftest.summary.failed" if failed else "selftest.summary.ok"
        print(_t(summary, lang, count=len(failed)))
    sys.stdout.flush()
    return 1 if failed else 0


def register(subparsers: Any) -> None:
    from assistant.cli import add_common

    p = subparsers.add_parser("self-test", help=_t("selftest.help", system_language()))
    add_common(p)
    p.set_defaults(run=lambda args: run_self_test(args.lang, args.json))
