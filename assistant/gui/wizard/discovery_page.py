"""Step 2: find the settings: every source with its live state, the result, confirmations, provider notes."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout

from assistant.core.model import Protocol, ServerSettings
from assistant.gui import words
from assistant.gui.widgets.status_list import FAILED, PASSED, RUNNING, SKIPPED, WAITING, StatusList
from assistant.gui.wizard import session
from assistant.gui.wizard.page import WizardPage

_STATE_TO_STATUS = {
    "waiting": WAITING,
    "running": RUNNING,
    "found": PASSED,
    "not_found": SKIPPED,
    "failed": FAILED,
    "cancelled": SKIPPED,
    "skipped": SKIPPED,
}


class DiscoveryPage(WizardPage):
    def __init__(self, wizard) -> None:  # type: ignore[no-untyped-def]
        super().__init__(wizard)
        self.job: Any = None
        self.phase = "idle"  # idle / running / done / cancelled / failed
        self.stopping = False  # the user pressed Stop (or Esc) during this search
        self.status = self.wrap_label(name="status")
        self.layout_.addWidget(self.status)
        self.sources = StatusList()
        self.sources.setObjectName("sources")
        self.layout_.addWidget(self.sources)
        self.sources_toggle = QToolButton(objectName="sources_toggle")
        self.sources_toggle.setCheckable(True)
        self.sources_toggle.setAutoRaise(True)
        self.sources_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.sources_toggle.toggled.connect(self._toggle_sources)
        self.layout_.addWidget(self.sources_toggle)

        self.found_box = QFrame(objectName="card")
        found_layout = QVBoxLayout(self.found_box)
        self.found_title = QLabel(objectName="cardTitle")
        self.found_lines = self.wrap_label()
        self.found_lines.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        found_layout.addWidget(self.found_title)
        found_layout.addWidget(self.found_lines)
        self.layout_.addWidget(self.found_box)

        self.confirm_box = QFrame(objectName="warning")
        confirm_layout = QVBoxLayout(self.confirm_box)
        self.confirm_title = QLabel(objectName="cardTitle")
        self.confirm_text = self.wrap_label()
        self.confirm_domains = QVBoxLayout()
        self.confirm_check = QCheckBox(objectName="confirm_check")
        confirm_layout.addWidget(self.confirm_title)
        confirm_layout.addWidget(self.confirm_text)
        confirm_layout.addLayout(self.confirm_domains)
        confirm_layout.addWidget(self.confirm_check)
        self.layout_.addWidget(self.confirm_box)
        self.confirm_check.toggled.connect(lambda _checked: self.changed.emit())

        self.notes_box = QFrame(objectName="warning")
        self.notes_layout = QVBoxLayout(self.notes_box)
        self.layout_.addWidget(self.notes_box)

        buttons = QHBoxLayout()
        self.again = QPushButton(objectName="search_again")
        self.again.clicked.connect(self.start)
        buttons.addWidget(self.again)
        buttons.addStretch(1)
        self.layout_.addLayout(buttons)
        self.layout_.addStretch(1)
        self._hide_results()
        self.retranslate()

    # -- frame interface
    def title(self) -> str:
        if self.phase in ("done", "cancelled", "failed"):  # not "Finding…" above "Done."
            return self.tr("Search results")
        return self.tr("Finding your settings")

    def next_text(self) -> str:
        if self.phase in ("cancelled", "failed") or (self.phase == "done" and not self._found()):
            return self.tr("Enter settings myself")
        return self.tr("Next")

    def can_next(self) -> bool:
        if self.phase == "running":
            return False
        if self.phase == "done" and self.state.confirmations:
            return self.confirm_check.isChecked()
        return self.phase != "idle"

    def busy(self) -> bool:
        return self.phase == "running"

    def stop(self) -> None:
        if self.job is not None and self.phase == "running":
            self.stopping = True  # the sources the engine now cancels were stopped, not "not needed"
            self.job.cancel()
            self.status.setText(self.tr("Stopping…"))

    def enter(self) -> None:
        if self.state.discovery is None and self.phase != "running":
            self.start()

    # -- running
    def start(self) -> None:
        from assistant.gui import workers

        assert self.state.address is not None
        self._hide_results()
        self._rows()
        for key in self.sources.keys():
            self.sources.set_status(key, WAITING)
        self.phase = "running"
        self.stopping = False
        self.state.discovery = None
        self._set_status()
        self.job = workers.start(session.discover_task(self.state.address.ascii, self.wizard.net()), self)
        self.job.progress.connect(self.on_progress)
        self.job.succeeded.connect(self.on_result)
        self.job.failed.connect(self._on_failed)
        self.job.cancelled.connect(self._on_cancelled)
        self.changed.emit()

    def _rows(self) -> None:
        """One row per source, made when first needed: the discovery package (dnspython…) loads with it."""
        if not self.sources.keys():
            from assistant.core.discovery.model import SourceName

            for source in SourceName:
                self.sources.add_row(source.value, words.source_name(source.value))

    def on_progress(self, event: Any) -> None:
        self._rows()
        source = str(getattr(getattr(event, "source", ""), "value", getattr(event, "source", "")))
        state = str(getattr(getattr(event, "state", ""), "value", getattr(event, "state", "")))
        if source in self.sources.keys():
            elapsed = getattr(event, "elapsed_ms", None)
            shown = elapsed if state not in ("waiting", "running") else None
            stopped = state == "cancelled" and self.stopping
            text = self._stopped_text if stopped else lambda: words.source_state(state)
            self.sources.set_status(source, _STATE_TO_STATUS.get(state, WAITING), text, shown)

    def _on_failed(self, failure: Any) -> None:
        self.phase = "failed"
        self._set_status()
        self.again.show()
        self.changed.emit()

    def _stopped_text(self) -> str:
        return self.tr("Stopped")

    def _on_cancelled(self) -> None:
        self.phase = "cancelled"
        for key in self.sources.keys():
            if self.sources.status(key) in (WAITING, RUNNING):
                self.sources.set_status(key, SKIPPED, self._stopped_text)
        self._set_status()
        self.again.show()
        self.changed.emit()

    def on_result(self, result: Any) -> None:
        """Show a DiscoveryResult: the chosen settings, what needs confirming, the provider's notes."""
        self._rows()
        self.phase = "done"
        self.state.discovery = result
        for outcome in getattr(result, "outcomes", []):
            self.on_progress(outcome)
        for key in self.sources.keys():
            if self.sources.status(key) in (WAITING, RUNNING):
                self.sources.set_status(key, SKIPPED, lambda: words.source_state("cancelled"))
        self._choose(result)
        self._show_result()
        self._set_status()
        self.changed.emit()

    # -- results
    def _found(self) -> bool:
        return self.state.incoming is not None or self.state.outgoing is not None

    def _choose(self, result: Any) -> None:
        assert self.state.address is not None
        address = self.state.address.ascii

        def settings(candidate: Any) -> ServerSettings:
            return candidate.settings(candidate.username or address)  # type: ignore[no-any-return]

        incoming = list(getattr(result, "incoming", []))
        outgoing = list(getattr(result, "outgoing", []))
        chosen = []
        self.state.incoming_choices = []
        for protocol in (Protocol.IMAP, Protocol.POP3):
            best = next((c for c in incoming if c.protocol is protocol), None)
            if best is not None:
                self.state.incoming_choices.append(settings(best))
        self.state.incoming = settings(incoming[0]) if incoming else None
        self.state.outgoing = settings(outgoing[0]) if outgoing else None
        chosen = incoming[:1] + outgoing[:1]
        self.state.confirmations = [c for c in chosen if c.provenance.needs_confirmation]
        self.state.notes = list(getattr(result, "notes", []))
        alternatives: list[str] = []
        for candidate in chosen:
            for name in candidate.alternatives:
                if name and name not in alternatives:
                    alternatives.append(name)
        self.state.user_alternatives = alternatives
        self.confirm_check.setChecked(False)

    def _toggle_sources(self, shown: bool) -> None:
        self.sources.setVisible(shown)
        self.sources_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def _hide_results(self) -> None:
        self.sources_toggle.hide()
        self.sources_toggle.setChecked(True)
        self._toggle_sources(True)
        self.found_box.hide()
        self.confirm_box.hide()
        self.notes_box.hide()
        self.again.hide()

    def _show_result(self) -> None:
        if self.state.confirmations or self.state.notes:  # what to read first must fit on the page
            self.sources_toggle.show()
            self.sources_toggle.setChecked(False)
            self._toggle_sources(False)
        if self._found():
            lines = [words.server_line(s) for _role, s in self.state.servers()]
            provider = getattr(self.state.discovery, "provider", "")
            self.found_title.setText(
                self.tr("Settings found for {provider}").format(provider=provider)
                if provider
                else self.tr("Settings found")
            )
            winner = getattr(self.state.discovery, "winner", None)
            if winner is not None:
                lines.append(
                    self.tr("Found in: {source}").format(source=words.source_name(str(winner.value)))
                )
            self.found_lines.setText("\n".join(lines))
            self.found_box.show()
        else:
            self.again.show()
        self._show_confirmations()
        self._show_notes()

    def _show_confirmations(self) -> None:
        while self.confirm_domains.count():
            item = self.confirm_domains.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        if not self.state.confirmations:
            self.confirm_box.hide()
            return
        reasons: list[str] = []
        shown: set[tuple[str, str]] = set()
        for candidate in self.state.confirmations:
            prov = candidate.provenance
            for why in prov.why:
                text = self._reason(why)
                if text and text not in reasons:
                    reasons.append(text)
            pair = (prov.address_domain, prov.server_domain)
            if prov.cross_domain and all(pair) and pair not in shown:
                shown.add(pair)
                self._add_domain_row(self.tr("Your address:"), prov.address_domain)
                self._add_domain_row(self.tr("Your password would go to:"), prov.server_domain)
        hosts = sorted({c.host for c in self.state.confirmations})
        if not any(c.provenance.cross_domain for c in self.state.confirmations):
            for host in hosts:
                self._add_domain_row(self.tr("Server:"), host)
        self.confirm_title.setText(self.tr("Please check these settings before we log in"))
        self.confirm_text.setText("\n".join(f"• {r}" for r in reasons))
        self.confirm_check.setText(self.tr("I checked the names above and want to use these servers"))
        self.confirm_box.show()

    def _add_domain_row(self, caption: str, domain: str) -> None:
        row = QHBoxLayout()
        cap = QLabel(caption)
        big = QLabel(domain, objectName="bigDomain")
        big.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(cap)
        row.addWidget(big, 1)
        holder = QFrame()
        holder.setLayout(row)
        self.confirm_domains.addWidget(holder)

    def _reason(self, why: str) -> str:
        reasons = {
            "plain_http": self.tr(
                "These settings were downloaded without encryption (HTTP), "
                "so someone could have changed them on the way."
            ),
            "unauthenticated_dns": self.tr("These settings come from DNS records that cannot be verified."),
            "other_domain": self.tr(
                "Your password would be sent to a company with a different domain "
                "than your address. This is normal when your provider uses another "
                "company's servers, but please make sure you recognise it."
            ),
            "unverified_data": self.tr("These settings come from data we could not verify."),
            "guessed": self.tr(
                "We guessed these server names; they answered, but nothing confirms "
                "they belong to your provider."
            ),
            "plaintext": self.tr(
                "This server does not encrypt the connection: your password would travel unprotected."
            ),
        }
        return reasons.get(why, "")

    def _show_notes(self) -> None:
        while self.notes_layout.count():
            item = self.notes_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        if not self.state.notes:
            self.notes_box.hide()
            return
        heading = QLabel(self.tr("Before you continue"), objectName="cardTitle")
        self.notes_layout.addWidget(heading)
        for note in self.state.notes:
            title, text = session.note_text(note, self.wizard.lang())
            label = self.wrap_label(f"<b>{title}</b><br>{text}" if text else f"<b>{title}</b>")
            label.setTextFormat(Qt.TextFormat.RichText)
            self.notes_layout.addWidget(label)
            url = getattr(note, "url", "")
            if url:
                caption = self.tr("Open your provider's help page")
                link = QLabel(f'<a href="{html.escape(url)}">{html.escape(caption)}</a>')
                link.setOpenExternalLinks(True)
                link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
                self.notes_layout.addWidget(link)
        self.notes_box.show()

    def _set_status(self) -> None:
        address = self.state.address.display if self.state.address else ""
        if self.phase == "running":
            text = self.tr("Looking for the settings of {address}…").format(address=address)
        elif self.phase == "cancelled":
            text = self.tr("Search stopped. You can search again or enter the settings yourself.")
        elif self.phase == "failed":
            text = self.tr(
                "Something went wrong while searching. You can search again or enter the settings yourself."
            )
        elif self.phase == "done" and not self._found():
            text = self.tr(
                "We could not find settings for {address}. Your provider's setup notice "
                "lists them; you can enter them yourself."
            ).format(address=address)
        elif self.phase == "done":
            text = self.tr("Done. Nothing has been sent to the servers yet.")
        else:
            text = ""
        self.status.setText(text)

    def retranslate(self) -> None:
        for key in self.sources.keys():
            self.sources.set_name(key, words.source_name(key))
        self.again.setText(self.tr("Search &again"))
        self.sources_toggle.setText(self.tr("Where we looked"))
        self._set_status()
        if self.phase == "done":
            self._show_result()
