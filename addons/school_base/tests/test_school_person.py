from odoo.exceptions import ValidationError
from odoo.tests import new_test_user

from .common import SchoolBaseCommon


class TestSchoolPerson(SchoolBaseCommon):
    """The people in charge of a school: set once on the school, else found by their role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_principal = cls._role_user("t_other_principal", "group_school_principal", cls.other_school)

    @classmethod
    def _role_user(cls, login, group, company=None):
        return cls._new_user(login, f"school_base.{group}", company)

    def test_configured_person_wins(self):
        """The principal set on the school is used even when another principal came first."""
        second = self._role_user("t_second_principal", "group_school_principal")
        self.assertGreater(second.id, self.principal.id)
        self.assertEqual(self.school._school_person("principal"), self.principal)
        self.school.principal_user_id = second
        self.assertEqual(self.school._school_person("principal"), second)

    def test_fallback_first_plain_holder(self):
        """Unset, the director is the first logistics manager who is not a principal.

        A principal holds the logistics manager's group too; created first, it would come
        first by id, yet the plain director is chosen.
        """
        school = self.env["res.company"].create({"name": "第三实验小学"})
        principal = self._role_user("t_third_principal", "group_school_principal", school)
        director = self._role_user("t_third_director", "group_school_logistics_manager", school)
        self.assertGreater(director.id, principal.id)
        self.assertEqual(school._school_person("logistics_director"), director)
        self.assertEqual(school._school_person("principal"), principal)

    def test_fallback_to_the_role_above(self):
        """A school without any logistics manager of its own sends the director's work to the principal,
        and the principal set on the school is the one used."""
        school = self.env["res.company"].create({"name": "第三实验小学"})
        self.assertFalse(school._school_person("logistics_director"), "nobody in charge at an empty school")
        first = self._role_user("t_third_principal", "group_school_principal", school)
        chosen = self._role_user("t_third_chosen", "group_school_principal", school)
        self.assertEqual(school._school_person("logistics_director"), first)
        school.principal_user_id = chosen
        self.assertEqual(school._school_person("logistics_director"), chosen)

    def test_schools_kept_apart(self):
        """Each school gets its own people, in one call for several schools."""
        schools = self.school | self.other_school
        self.assertEqual(
            schools._school_persons("principal"),
            {self.school: self.principal, self.other_school: self.other_principal},
        )
        # the other school has no director of its own: its principal, never the first school's manager
        self.assertEqual(self.other_school._school_person("logistics_director"), self.other_principal)
        self.assertEqual(self.school._school_person("logistics_director"), self.manager)

    def test_one_search_for_many_schools(self):
        """Resolving many schools costs the same queries as resolving one (batch-friendly)."""
        Company = self.env["res.company"]
        many = self.other_school | Company.create({"name": "第三实验小学"}) | Company.create({"name": "第四实验小学"})

        def count(companies):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            result = companies._school_persons("logistics_director")
            self.assertEqual(set(result), set(companies))
            return self.env.cr.sql_log_count - before

        count(self.other_school)  # warm the caches of the xml ids
        self.assertEqual(count(many), count(self.other_school))

    def test_technical_and_departed_users_left_out(self):
        """The administrator is never picked; a configured user who left the school is passed over."""
        self.assertNotEqual(self.school._school_person("principal"), self.env.ref("base.user_admin"))
        second = self._role_user("t_second_principal", "group_school_principal")
        self.school.principal_user_id = second
        second.active = False
        self.assertEqual(self.school._school_person("principal"), self.principal)

    def test_only_internal_users_of_the_school(self):
        """A user of another school or a portal user cannot be put in charge of the school."""
        with self.assertRaisesRegex(ValidationError, "who works at this school"):
            self.school.principal_user_id = self.other_principal
        portal = new_test_user(
            self.env, login="t_portal_parent", groups="base.group_portal",
            company_id=self.school.id, company_ids=[(6, 0, self.school.ids)],
        )
        with self.assertRaises(ValidationError):
            self.school.canteen_manager_user_id = portal

    def test_unknown_role(self):
        with self.assertRaises(ValueError):
            self.school._school_person("janitor")

    def test_set_in_settings(self):
        """The administrator sets the six people in one place: the School Logistics settings."""
        admin = self.env.ref("base.user_admin")
        admin.company_ids |= self.school
        settings = self.env["res.config.settings"].with_user(admin).with_company(self.school).create({
            "principal_user_id": self.principal.id,
            "logistics_director_user_id": self.manager.id,
            "safety_manager_user_id": self.officer.id,
            "asset_manager_user_id": self.officer.id,
            "canteen_manager_user_id": self.staff.id,
            "union_chair_user_id": self.head_teacher.id,
        })
        settings.execute()
        self.assertRecordValues(self.school, [{
            "principal_user_id": self.principal.id,
            "logistics_director_user_id": self.manager.id,
            "safety_manager_user_id": self.officer.id,
            "asset_manager_user_id": self.officer.id,
            "canteen_manager_user_id": self.staff.id,
            "union_chair_user_id": self.head_teacher.id,
        }])
        self.assertFalse(self.other_school.principal_user_id, "the other school is left alone")
        self.assertEqual(self.school._school_person("canteen_manager"), self.staff)
        view = self.env.ref("school_base.res_config_settings_view_form")
        for role in ("principal", "logistics_director", "safety_manager", "asset_manager",
                     "canteen_manager", "union_chair"):
            self.assertIn(f'name="{role}_user_id"', view.arch_db)
