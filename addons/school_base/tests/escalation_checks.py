"""What a Chinese-speaking user receives contains no English sentence (issue 15)."""

import re

from odoo.tools import html2plaintext

CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef]")
ENGLISH_WORDS = re.compile(r"[A-Za-z]{2,}[\s,'-]+[A-Za-z]{2,}")
SENTENCE_END = re.compile(r"[\n。！？；：.!?;:()（）\[\]【】]+")


def english_sentences(text):
    """The parts of ``text`` written in English only: two English words and no Chinese character."""
    if not text:
        return []
    text = html2plaintext(str(text)) if "<" in str(text) else str(text)
    return [
        part.strip() for part in SENTENCE_END.split(text)
        if ENGLISH_WORDS.search(part) and not CJK.search(part)
    ]


class ChineseTextChecks:
    """Test mixin: assert that texts shown to a zh_CN user are in Chinese."""

    def _speak_chinese(self, users):
        """The users read Chinese, and their school keeps China's time."""
        self.env["res.lang"]._activate_lang("zh_CN")
        # the notifications Odoo writes around ours (activity assigned…) come from mail's views,
        # whose Chinese is stored in the database as a school's install with Chinese has it
        self.env["ir.module.module"]._load_module_terms(["mail"], ["zh_CN"])
        users.write({"lang": "zh_CN"})
        users.company_id.partner_id.tz = "Asia/Shanghai"

    def assertChinese(self, texts, what=""):
        # people's names are what they are (the test users are named after their login and groups)
        names = sorted(set(self.env["res.users"].sudo().with_context(active_test=False).search([]).mapped("name")),
                       key=len, reverse=True)
        found = {}
        for text in texts:
            text = str(text)
            for name in names:
                text = text.replace(name, "")
            english = english_sentences(text)
            if english:
                found[str(text)[:120]] = english
        self.assertFalse(found, f"English sentences in {what or 'texts'} for a zh_CN user: {found}")

    def assertPostedInChinese(self, messages_before, activities_before):
        """Every message and activity posted since the given ids is in Chinese."""
        messages = self.env["mail.message"].sudo().search([("id", ">", messages_before)])
        activities = self.env["mail.activity"].sudo().search([("id", ">", activities_before)])
        self.assertTrue(messages or activities, "the escalation posted something")
        self.assertChinese(messages.mapped("body"), "messages")
        self.assertChinese(activities.mapped("summary"), "activity summaries")
        self.assertChinese(activities.mapped("note"), "activity notes")

    def _last_ids(self):
        last_message = self.env["mail.message"].sudo().search([], order="id desc", limit=1).id or 0
        last_activity = self.env["mail.activity"].sudo().search([], order="id desc", limit=1).id or 0
        return last_message, last_activity
