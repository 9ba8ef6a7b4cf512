from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import SchoolUnionCommon


@tagged("post_install", "-at_install")
class TestUnionTalk(SchoolUnionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.talk = cls.env["school.union.talk"].with_user(cls.chair).create({
            "member_id": cls.member.id, "date": cls._dt(days=-1), "talker_user_id": cls.chair.id,
            "location": "工会活动室", "company_id": cls.school.id,
        })
        cls.note = cls.env["school.union.talk.note"].with_user(cls.chair).create({
            "talk_id": cls.talk.id, "topic": "family", "notes": "<p>母亲住院，需要调课照顾</p>",
            "help_needed": "调课两周", "follow_up": "已与教务处协调调课", "follow_up_state": "done",
        })
        cls.admin = cls.env.ref("base.user_admin")
        cls.admin.company_ids |= cls.school

    def test_chair_reads_notes(self):
        """The union chair reads and edits the notes of a session."""
        talk = self.talk.with_user(self.chair)
        self.assertEqual(talk.note_ids, self.note)
        self.assertIn("母亲住院", talk.note_ids.notes)
        self.note.with_user(self.chair).follow_up_state = "open"

    def test_notes_hidden_from_every_other_group(self):
        """Staff, head teachers, logistics officers and manager, the principal, union members and
        officers, the administrator and another school's chair cannot read the notes, by any path."""
        Note = self.env["school.union.talk.note"]
        others = [
            self.staff, self.head_teacher, self.officer, self.manager, self.principal,
            self.member_user, self.member2_user, self.union_officer, self.admin,
        ]
        for user in others:
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.note.with_user(user).read(["notes"])
                with self.assertRaises(AccessError):
                    Note.with_user(user).search([])
                with self.assertRaises(AccessError):
                    Note.with_user(user).create({"talk_id": self.talk.id, "notes": "x"})

    def test_other_school_chair_cannot_read_notes(self):
        """Another school's chair finds no note of this school and cannot open one."""
        Note = self._other(self.env["school.union.talk.note"])
        self.assertFalse(Note.search([]))
        with self.assertRaises(AccessError):
            self._other(self.note).read(["notes"])

    def test_session_field_not_readable(self):
        """The notes field of the session is the chair's only: others cannot read it."""
        for user in (self.member_user, self.union_officer, self.admin):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.talk.with_user(user).read(["note_ids"])

    def test_rule_even_with_rights(self):
        """Should someone add a row of rights for officers, the global rule still refuses the notes."""
        self.env["ir.model.access"].create({
            "name": "mistake", "model_id": self.env.ref("school_union.model_school_union_talk_note").id,
            "group_id": self.env.ref("school_union.group_union_officer").id, "perm_read": True,
        })
        Note = self.env["school.union.talk.note"].with_user(self.union_officer)
        self.assertFalse(Note.search([]))
        with self.assertRaises(AccessError):
            self.note.with_user(self.union_officer).read(["notes"])

    def test_member_sees_own_session_without_notes(self):
        """The member sees that the session took place, when and with whom, not the notes."""
        Talk = self.env["school.union.talk"].with_user(self.member_user)
        mine = Talk.search([])
        self.assertEqual(mine, self.talk)
        values = mine.read(["date", "talker_user_id", "state"])[0]
        self.assertEqual(values["talker_user_id"][0], self.chair.id)
        self.assertNotIn("note_ids", mine.fields_get())
        self.assertFalse(self.env["school.union.talk"].with_user(self.member2_user).search([]))

    def test_other_school_chair(self):
        """The chair of another school sees neither the session nor the notes."""
        Talk = self._other(self.env["school.union.talk"])
        self.assertFalse(Talk.search([]))
