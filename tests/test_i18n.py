"""Every addon ships a complete Simplified Chinese translation."""

import polib
from conftest import ADDONS_DIR


def test_zh_cn_po_complete(addon):
    path = ADDONS_DIR / addon / "i18n" / "zh_CN.po"
    assert path.is_file(), f"{addon}: i18n/zh_CN.po missing"
    po = polib.pofile(str(path))
    language = po.metadata.get("Language", "")
    assert language.replace("-", "_") == "zh_CN", (
        f"{addon}: Language header is {language!r}"
    )
    assert len(po), f"{addon}: zh_CN.po has no entries"
    untranslated = [
        entry.msgid
        for entry in po
        if not entry.obsolete
        and (
            not entry.msgstr
            if not entry.msgid_plural
            else not all(entry.msgstr_plural.values())
        )
    ]
    fuzzy = [entry.msgid for entry in po if "fuzzy" in entry.flags]
    assert not untranslated, (
        f"{addon}: {len(untranslated)} untranslated, e.g. {untranslated[:5]}"
    )
    assert not fuzzy, f"{addon}: {len(fuzzy)} fuzzy, e.g. {fuzzy[:5]}"
    foreign = [entry.msgid for entry in po if addon not in entry.comment]
    assert not foreign, f"{addon}: entries without '#. module: {addon}': {foreign[:5]}"


def test_no_en_po(addon):
    """OCA forbids en.po; English is the source language."""
    assert not (ADDONS_DIR / addon / "i18n" / "en.po").exists()
