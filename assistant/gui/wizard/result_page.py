"""Step 5: success with Save, or one explanation card per failed server (retry, suggested fix, trust)."""

from __future__ import annotations

import logging
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from assistant.gui import words
from assistant.gui.widgets.explanation_card import ExplanationCard, mnemonic, unique_mnemonics
from assistant.gui.widgets.status_list import format_ms
from assistant.gui.wizard import session
from assistant.gui.wizard.page import WizardPage
from assistant.gui.wizard.trust_dialog import TrustDialog

log = logging.getLogger(__name__)


class ResultPage(WizardPage):
    def __init__(self, wizard) -> None:  # type: ignore[no-untyped-def]
        super().__init__(wizard)
        self.cards: list[ExplanationCard] = []
        self.phase = "idle"  # idle / success / failure / saving / saved
        self.save_job: Any = None
        self.keyring_job: Any = None
        self.keyring: str | None = None  # secrets.KeyringState value once probed; None: not known yet
        self.trust_dialog: TrustDialog | None = None
        self.tried_users: dict[str, set[str]] = {}  # per role: user names already refused or being tried
        self.headline = QLabel()  # shown as the page title by the frame
        self.summary = self.wrap_label(name="summary")
        self.layout_.addWidget(self.summary)
        self.save_password = QCheckBox(objectName="save_password")
        self.save_password.setCheckState(Qt.CheckState.PartiallyChecked)  # until the keyring has answered
        self.layout_.addWidget(self.save_password)
        self.keyring_reason = self.wrap_label(name="hint")  # why it can't be ticked (or: checking…)
        self.layout_.addWidget(self.keyring_reason)
        self.save_status = self.wrap_label(name="save_status")
        self.layout_.addWidget(self.save_status)
        self.cards_box = QWidget()
        self.cards_layout = QVBoxLayout(self.cards_box)
        self.cards_layout.setContentsMargins(0, 0, 0, 0)
        self.cards_layout.setSpacing(12)
        self.layout_.addWidget(self.cards_box)
        self.layout_.addStretch(1)
        self.retranslate()

    def title(self) -> str:
        return self.headline.text() or self.tr("Result")

    def _password_refused(self) -> bool:
        """Every failure is a refused login: the password is what to change, and it is on the first page."""
        outcome = self.state.result
        failed = outcome.failed() if outcome is not None else []
        codes = {str(getattr(s.evidence, "code", "")) for s in failed}  # FailureCode is a StrEnum
        return bool(failed) and codes == {"auth.failed"}

    def next_text(self) -> str:
        if self.phase == "failure" and self._password_refused():
            return self.tr("Enter the password again")
        if self.phase == "failure":
            return self.tr("Change settings")
        if self.phase == "saved":
            return self.tr("Finish")
        return self.tr("Save")

    def can_next(self) -> bool:
        return self.phase in ("success", "failure", "saved")

    def busy(self) -> bool:
        return self.phase == "saving"

    def enter(self) -> None:
        outcome = self.state.result
        self.phase = "success" if outcome is not None and outcome.ok else "failure"
        if self.phase == "success":
            self.check_keyring()
        self.show_outcome()

    # -- the keyring: can the password be kept? (asked once per wizard, off the GUI thread)
    def check_keyring(self) -> None:
        """Probe the keyring on a worker; until it answers, "Remember" is neutral (checking…)."""
        if self.keyring is None and self.keyring_job is None:
            from assistant.gui import workers

            self.keyring_job = workers.start(session.keyring_state_task(self.wizard.passwords), self)
            self.keyring_job.succeeded.connect(self.set_keyring)
            self.keyring_job.failed.connect(lambda _failure: self.set_keyring("locked"))
        self._show_keyring()

    def set_keyring(self, state: str) -> None:
        """What the keyring can do: "ok" ticks "Remember" (unless the user unticked it); "no_backend" or
        "locked" unticks and disables it, with the reason."""
        self.keyring_job = None
        self.keyring = str(state)
        if self.keyring != "ok":
            log.warning("keyring unavailable (%s): the password can't be saved", self.keyring)
        self._show_keyring()

    def _show_keyring(self) -> None:
        box = self.save_password
        if self.keyring is None:  # checking: neither yes nor no, and not to be changed yet
            box.setEnabled(False)
        elif self.keyring == "ok":
            box.setEnabled(True)
            if box.checkState() is Qt.CheckState.PartiallyChecked:  # untouched while checking: yes
                box.setCheckState(Qt.CheckState.Checked)
            box.setTristate(False)
        else:
            box.setEnabled(False)
            box.setTristate(False)
            box.setChecked(False)
        self._say_keyring()

    def _say_keyring(self) -> None:
        if self.keyring is None:
            text = self.tr("Checking this computer's password storage (keyring)…")
        elif self.keyring == "no_backend":
            text = self.tr(
                "This computer has no password storage (keyring) we can use, so the password can't be "
                "saved. You will be asked for it when needed."
            )
        elif self.keyring == "locked":
            text = self.tr(
                "The password storage (keyring) is locked or not answering, so the password can't be "
                "saved now. You will be asked for it when needed."
            )
        else:
            text = ""
        self.keyring_reason.setText(text)
        self.keyring_reason.setVisible(self.phase == "success" and bool(text))
        self.save_password.setAccessibleDescription(text)

    def wants_save(self) -> bool:
        """Save the password too: ticked, or still being checked and not unticked (the save then says
        what the keyring did); never when the keyring is known to be unusable."""
        if self.keyring not in (None, "ok"):
            return False
        return self.save_password.checkState() is not Qt.CheckState.Unchecked

    def primary(self) -> None:
        if self.phase == "failure" and self._password_refused():
            self.wizard.edit_password()
        elif self.phase == "failure":
            self.wizard.edit_settings()
        elif self.phase == "success":
            self.save()
        elif self.phase == "saved":
            self.wizard.accept()

    # -- showing
    def show_outcome(self) -> None:
        for card in self.cards:
            self.cards_layout.removeWidget(card)
            card.deleteLater()
        self.cards = []
        outcome = self.state.result
        success = self.phase in ("success", "saving", "saved")
        self.save_password.setVisible(self.phase == "success")
        self._say_keyring()
        self.save_status.setVisible(self.phase == "saved" or bool(self.save_status.text()))
        if success:
            self.headline.setText("✓ " + self.tr("Your mail account works"))
            lines = [words.server_line(s) for _r, s in self.state.servers()]
            if outcome is not None and outcome.round_trip_ms is not None:
                lines.append(
                    self.tr("Test message: sent and received in {time}").format(
                        time=format_ms(outcome.round_trip_ms)
                    )
                )
            self.summary.setText("\n".join(lines))
        else:
            failed = outcome.failed() if outcome is not None else []
            self.headline.setText(
                self.tr("Something needs your attention")
                if len(failed) <= 1
                else self.tr("Some things need your attention")
            )
            self.summary.setText(
                self.tr(
                    "Nothing was saved yet. Read what happened below, then try the "
                    "suggestion or change the settings."
                )
            )
            for server in failed:
                self._add_card(server)
            frame = (self.wizard.back_button, self.wizard.cancel_button, self.wizard.next_button)
            unique_mnemonics(self.cards, [mnemonic(b.text()) for b in frame])
        self.changed.emit()

    def _add_card(self, server: session.ServerOutcome) -> None:
        explanation = self._explain(server)
        other_user = self._other_user_name(server)
        card = ExplanationCard(
            self._heading(server),
            explanation,
            server,
            offer_fix=bool(other_user) or self._fix_changes(server, explanation),
            fix={"username": other_user} if other_user else None,
        )
        card.retry.connect(self.wizard.retest)
        card.fix.connect(lambda fix, role=server.role: self.apply_fix(role, fix))
        card.trust.connect(lambda cert, s=server: self.ask_trust(s, cert))
        self.cards_layout.addWidget(card)
        self.cards.append(card)

    def _heading(self, server: session.ServerOutcome) -> str:
        if server.role == "send-test":
            return self.tr("Test message to yourself")
        s = server.settings
        host = f"{s.host}:{s.port}" if s is not None else ""
        if server.role == "incoming":
            return self.tr("Incoming mail server ({host})").format(host=host)
        return self.tr("Outgoing mail server ({host})").format(host=host)

    def _explain(self, server: session.ServerOutcome) -> Any:
        if server.evidence is not None:
            try:
                provider = str(getattr(self.state.discovery, "provider", "") or "")
                others = [s.evidence for s in self.state.result.servers if s.evidence and s is not server]
                return session.explain(
                    server.evidence, self.state.notes, self.wizard.lang(), provider, others
                )
            except Exception:  # a missing explanation must not hide the failure itself
                log.exception("no explanation for %s", server.evidence.code)
        code = server.evidence.code if server.evidence is not None else ""
        return SimpleNamespace(
            id="",
            title=self.tr("This server did not work"),
            what=self.tr("The test stopped with the code {code}.").format(code=code or "?"),
            steps=[self.tr("Check the server name, port number and security in the settings.")],
            who="",
            retry=True,
            link="",
            details="",
            suggested_fix=None,
        )

    def _other_user_name(self, server: session.ServerOutcome) -> str:
        """After a refused login: the next user name worth one try (full address ↔ the part before @)."""
        code = server.evidence.code if server.evidence is not None else ""
        if code != "auth.failed" or server.settings is None or server.role not in ("incoming", "outgoing"):
            return ""
        current = server.settings.username
        names = list(self.state.user_alternatives)
        address = self.state.address
        if address is not None and not names:  # the usual second guess when no source listed one
            names = [address.local] if current == address.ascii else [address.ascii]
        tried = self.tried_users.setdefault(server.role, {current})
        return next((n for n in names if n not in tried), "")

    def _fix_changes(self, server: session.ServerOutcome, explanation: Any) -> bool:
        """Only offer a fix that would change something, on a server we can change."""
        fix = getattr(explanation, "suggested_fix", None)
        current = server.settings
        if not fix or current is None or server.role not in ("incoming", "outgoing"):
            return False
        try:
            return session.apply_fix(current, fix) != current
        except (ValueError, TypeError):
            return False

    # -- actions
    def apply_fix(self, role: str, fix: Any) -> None:
        current = self.state.incoming if role == "incoming" else self.state.outgoing
        if current is None:
            return
        if isinstance(fix, dict) and fix.get("username"):
            self.tried_users.setdefault(role, {current.username}).add(str(fix["username"]))
        fixed = session.apply_fix(current, fix)
        if role == "incoming":
            self.state.incoming = fixed
        else:
            self.state.outgoing = fixed
        self.wizard.retest()

    def ask_trust(self, server: session.ServerOutcome, cert: Any) -> None:
        s = server.settings
        if s is None:
            return
        self.trust_dialog = TrustDialog(s.host, s.port, cert, self)
        self.trust_dialog.accepted.connect(lambda: self._trusted(s.host, s.port, cert))
        self.trust_dialog.open()

    def _trusted(self, host: str, port: int, cert: Any) -> None:
        self.state.pins[(host, port)] = str(cert.sha256)
        self.wizard.retest()

    def save(self) -> None:
        from assistant.gui import workers

        self.phase = "saving"
        self.save_status.setText(self.tr("Saving…"))
        self.save_status.show()
        self.changed.emit()
        self.save_job = workers.start(
            session.save_task(
                self.state, self.wants_save(), self.wizard.passwords, self.wizard.store
            ),
            self,
        )
        self.save_job.succeeded.connect(self._saved)
        self.save_job.failed.connect(self._save_failed)

    def _saved(self, saved: session.Saved) -> None:
        self.phase = "saved"
        problem = saved.keyring_problem
        if not problem and not saved.password_saved and self.keyring not in (None, "ok"):
            problem = self.keyring  # not even tried: the probe had said why
        if problem == "no_backend":
            text = self.tr(
                "The account is saved, but not the password: this computer has no password "
                "storage (keyring) we can use. You will be asked for the password when needed."
            )
        elif problem:
            text = self.tr(
                "The account is saved, but not the password: the password storage (keyring) is "
                "locked or refused. You will be asked for the password when needed."
            )
        elif saved.password_saved:
            text = self.tr("Saved. Your password is kept in this computer's password storage (keyring).")
        else:
            text = self.tr("Saved. The password was not saved; you will be asked for it when needed.")
        if saved.settings_problem:
            text += "\n" + self.tr(
                "Your previous settings file could not be read; it was kept as {path}."
            ).format(path=saved.settings_problem)
        self.save_status.setText(text)
        self.save_password.hide()
        self.keyring_reason.hide()
        self.changed.emit()
        self.wizard.saved.emit(saved.account)

    def _save_failed(self, failure: Any) -> None:
        self.phase = "success"
        self.save_status.setText(
            self.tr("The account could not be saved: {reason}").format(reason=failure.message)
        )
        self.changed.emit()

    def retranslate(self) -> None:
        self.save_password.setText(self.tr("Remember my password (kept in this computer's password storage)"))
        if self.phase != "idle":
            self.show_outcome()
