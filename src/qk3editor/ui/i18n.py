"""Installs the Qt translators (ours and Qt's own) for the chosen language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator


def install_translators(
    app: QCoreApplication, language: str, translations_dir: Path
) -> list[QTranslator]:
    """Load ``qk3editor_<lang>.qm`` and Qt's ``qtbase_<lang>.qm``; English needs none."""
    installed: list[QTranslator] = []
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English))
        return installed
    QLocale.setDefault(QLocale(language))
    ours = QTranslator(app)
    if ours.load(str(translations_dir / f"qk3editor_{language}.qm")):
        app.installTranslator(ours)
        installed.append(ours)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    base = QTranslator(app)
    if base.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(base)
        installed.append(base)
    return installed
