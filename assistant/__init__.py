"""Mail Setup Assistant: set up a mail account, test it for real, explain every failure."""

__version__ = "0.1.0"
APP_NAME = "Mail Setup Assistant"
APP_ID = "jp.mailsetup.Assistant"
APP_NAME_JA = "メール設定アシスタント"
PUBLISHER = "Mail Setup Assistant developers"
HOMEPAGE = "https://github.com/mail-setup-assistant/mail-setup-assistant"  # where releases will be published
