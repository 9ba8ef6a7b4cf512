import base64

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .test_drill import SafetyDrillCommon

SIGNATURE = base64.b64encode(
    base64.b64decode(
        b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    )
)


class AgreementCommon(SafetyDrillCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Employee = cls.env["hr.employee"]
        cls.logistics = cls.env["hr.department"].create({"name": "后勤处", "company_id": cls.school.id})
        cls.emp_staff = Employee.create({"name": "吴晓燕", "user_id": cls.staff.id})
        cls.emp_head = Employee.create({"name": "陈丽", "user_id": cls.head_teacher.id})
        cls.emp_guard = Employee.create({"name": "王建国", "user_id": cls.guard.id, "job_title": "保安队长", "department_id": cls.logistics.id})
        cls.emp_guard_2 = Employee.create({"name": "李志强", "job_title": "保安", "department_id": cls.logistics.id})
        cls.emp_electrician = Employee.create({"name": "张电工", "job_title": "电工", "department_id": cls.logistics.id})
        cls.emp_other = Employee.create({"name": "二小老师", "company_id": cls.other_school.id})
        cls.class_1.head_teacher_id = cls.emp_head
        Template = cls.env["school.safety.agreement.template"]
        cls.tpl_teacher = cls.env.ref("school_safety.school_safety_agreement_template_teacher")
        cls.tpl_head = cls.env.ref("school_safety.school_safety_agreement_template_head_teacher")
        cls.tpl_guard = Template.create(
            {"name": "门卫安全责任状", "role": "guard", "body": "<p>严格执行来访登记制度。</p>",
             "department_ids": [(6, 0, cls.logistics.ids)], "job_title_keyword": "保安",
             "company_id": cls.school.id}
        )

    @classmethod
    def _new_campaign(cls, lines, user=None, **vals):
        return cls.env["school.safety.agreement.campaign"].with_user(user or cls.safety).create(
            {
                "name": "2030秋安全责任状",
                "term_id": cls.term.id,
                "date_deadline": "2030-09-15",
                "line_ids": [
                    (0, 0, {"template_id": template.id, "employee_ids": [(6, 0, employees.ids)]})
                    for template, employees in lines
                ],
                **vals,
            }
        )

    def _issued(self):
        campaign = self._new_campaign(
            [(self.tpl_teacher, self.emp_staff | self.emp_head), (self.tpl_guard, self.emp_guard | self.emp_guard_2)]
        )
        campaign.action_issue()
        return campaign

    def _agreement(self, campaign, employee):
        return campaign.agreement_ids.filtered(lambda a: a.employee_id == employee)


class TestAgreement(AgreementCommon):
    def test_issue_once_per_employee(self):
        """Issuing creates one agreement per employee and template, with the template's text;
        issuing again only adds the newcomers."""
        campaign = self._issued()
        self.assertEqual(campaign.state, "issued")
        self.assertEqual(len(campaign.agreement_ids), 4)
        mine = self._agreement(campaign, self.emp_guard)
        self.assertEqual(mine.template_id, self.tpl_guard)
        self.assertIn("来访登记", mine.body)
        self.assertEqual(mine.user_id, self.guard)
        self.assertTrue(mine.name.startswith("AGR/"))
        self.assertEqual(mine.term_id, self.term)
        campaign.action_issue()
        self.assertEqual(len(campaign.agreement_ids), 4, "nobody receives the same agreement twice")
        campaign.line_ids[0].employee_ids |= self.emp_guard
        campaign.action_issue()
        self.assertEqual(len(campaign.agreement_ids), 5)
        self.assertEqual(len(self._agreement(campaign, self.emp_guard)), 2, "one per template")
        # the template's later edits do not change issued agreements
        self.tpl_guard.body = "<p>新版本</p>"
        self.assertIn("来访登记", mine.body)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.env["school.safety.agreement"].create(
                {"campaign_id": campaign.id, "template_id": self.tpl_guard.id, "employee_id": self.emp_guard.id}
            )

    def test_issue_needs_signers(self):
        """A campaign without signers cannot be issued, nor can a closed one."""
        campaign = self._new_campaign([(self.tpl_teacher, self.env["hr.employee"])])
        with self._raises(UserError, "choose who signs"):
            campaign.action_issue()
        self.assertFalse(campaign.agreement_ids)
        campaign.line_ids.employee_ids = self.emp_staff
        campaign.action_issue()
        campaign.action_close()
        with self._raises(UserError, "closed"):
            campaign.action_issue()
        with self.assertRaises(UserError):
            campaign.unlink()

    def test_suggest_employees(self):
        """Head teachers of the term's classes and employees of the template's departments and job
        title are suggested, in the safety manager's hands (no HR rights needed)."""
        campaign = self._new_campaign(
            [(self.tpl_head, self.env["hr.employee"]), (self.tpl_guard, self.env["hr.employee"])]
        )
        campaign.action_suggest_employees()
        self.assertEqual(campaign.line_ids[0].employee_ids, self.emp_head)
        self.assertEqual(campaign.line_ids[1].employee_ids, self.emp_guard | self.emp_guard_2)
        self.assertEqual(campaign.line_ids[1].employee_count, 2)

    def test_only_the_employee_signs(self):
        """An employee signs their own agreement in Odoo; nobody signs for an employee with a login."""
        campaign = self._issued()
        mine = self._agreement(campaign, self.emp_staff).with_user(self.staff)
        with self._raises(UserError, "Draw your signature"):
            mine.action_sign()
        head_agreement = self._agreement(campaign, self.emp_head)
        with self.assertRaises(AccessError):
            head_agreement.with_user(self.staff).write({"signature": SIGNATURE})
        with self._raises(UserError, "Only 陈丽"):
            head_agreement.with_user(self.safety).write({"signature": SIGNATURE})
        with self._raises(UserError, "Only 陈丽"):
            head_agreement.with_user(self.principal).action_sign()
        mine.write({"signature": SIGNATURE})
        mine.action_sign()
        self.assertRecordValues(
            mine, [{"state": "signed", "signed_by": "吴晓燕", "signed_user_id": self.staff.id}]
        )
        self.assertTrue(mine.signed_on)
        with self._raises(UserError, "already signed"):
            mine.sudo().action_sign()

    def test_manager_records_signature_of_employee_without_login(self):
        """The safety manager records, in person, the signature of an employee without a login."""
        campaign = self._issued()
        agreement = self._agreement(campaign, self.emp_guard_2).with_user(self.safety)
        agreement.write({"signature": SIGNATURE})
        agreement.action_sign()
        self.assertEqual(agreement.state, "signed")
        self.assertEqual(agreement.signed_user_id, self.safety)
        self.assertEqual(agreement.signed_by, "李志强")

    def test_employee_only_draws_signature(self):
        """An employee cannot change the text of their agreement, nor create one."""
        campaign = self._issued()
        mine = self._agreement(campaign, self.emp_staff).with_user(self.staff)
        with self._raises(UserError, "only draw your signature"):
            mine.write({"body": "<p>我改了</p>"})
        with self._raises(UserError, "only draw your signature"):
            mine.write({"signature": SIGNATURE, "state": "signed"})
        self.assertEqual(mine.state, "issued")
        with self.assertRaises(UserError):  # a workflow field, refused before the access check
            self.env["school.safety.agreement"].with_user(self.staff).create(
                {"campaign_id": campaign.id, "template_id": self.tpl_guard.id, "employee_id": self.emp_staff.id}
            )

    def test_signed_agreement_locked(self):
        """Nobody changes or deletes a signed agreement; its chatter stays open."""
        campaign = self._issued()
        mine = self._agreement(campaign, self.emp_guard).with_user(self.guard)
        mine.write({"signature": SIGNATURE})
        mine.action_sign()
        for user in (self.guard, self.safety, self.principal):
            with self._raises(UserError, "is signed"):
                mine.with_user(user).write({"signature": False})
        with self._raises(UserError, "is signed"):
            mine.with_user(self.safety).write({"body": "<p>改</p>"})
        with self.assertRaises(UserError):
            mine.with_user(self.principal).unlink()
        mine.with_user(self.safety).message_post(body="已存档")
        self.assertEqual(mine.state, "signed")

    def test_unsigned_list(self):
        """The campaign shows who has not signed yet."""
        campaign = self._issued()
        self.assertEqual(campaign.unsigned_count, 4)
        self.assertEqual(campaign.signed_count, 0)
        mine = self._agreement(campaign, self.emp_staff).with_user(self.staff)
        mine.write({"signature": SIGNATURE})
        mine.action_sign()
        campaign.invalidate_recordset()
        self.assertEqual(campaign.signed_count, 1)
        self.assertEqual(campaign.unsigned_count, 3)
        self.assertEqual(campaign.agreement_count, 4)
        self.assertEqual(campaign.unsigned_employee_ids, self.emp_head | self.emp_guard | self.emp_guard_2)
        action = campaign.with_context(unsigned=1).action_view_agreements()
        Agreement = self.env["school.safety.agreement"].with_context(**action["context"])
        unsigned = Agreement.search(action["domain"] + [("state", "=", "issued")])
        self.assertEqual(unsigned.employee_id, campaign.unsigned_employee_ids)

    def test_body_in_the_schools_language(self):
        """The body is copied in the school's language, whatever the issuer's and the employee's logins speak."""
        self.school.partner_id.lang = "zh_CN"
        template = self.env["school.safety.agreement.template"].create(
            {"name": "Gate agreement", "role": "guard", "body": "<p>Register every visitor at the gate.</p>",
             "company_id": self.school.id}
        )
        template.update_field_translations("body", {"zh_CN": {"Register every visitor at the gate.": "来访人员一律登记。"}})
        (self.safety | self.guard).lang = "en_US"
        campaign = self._new_campaign([(template, self.emp_guard)])
        self.assertEqual(campaign.lang, "zh_CN", "the campaign speaks the school's language, not the issuer's")
        campaign.with_user(self.safety).action_issue()
        mine = self._agreement(campaign, self.emp_guard)
        self.assertIn("来访人员一律登记", mine.body)
        self.assertNotIn("visitor", mine.body)

    def test_pdf(self):
        """The printed agreement names the employee and carries the signature once signed."""
        campaign = self._issued()
        mine = self._agreement(campaign, self.emp_staff)
        report = self.env["ir.actions.report"]
        html = report._render_qweb_html("school_safety.report_safety_agreement", mine.ids)[0].decode()
        self.assertIn("吴晓燕", html)
        self.assertNotIn("o_school_signature_image", html)
        mine.with_user(self.staff).write({"signature": SIGNATURE})
        mine.with_user(self.staff).action_sign()
        html = report._render_qweb_html("school_safety.report_safety_agreement", mine.ids)[0].decode()
        self.assertIn("o_school_signature_image", html)
        self.assertIn(campaign.company_id.name, html)

    def test_access_per_role(self):
        """Employees see only their own agreements; only the safety manager runs campaigns."""
        campaign = self._issued()
        for user, employee in ((self.staff, self.emp_staff), (self.head_teacher, self.emp_head), (self.guard, self.emp_guard)):
            visible = self.env["school.safety.agreement"].with_user(user).search([])
            self.assertEqual(visible.employee_id, employee, user.login)
            with self.assertRaises(AccessError):
                self.env["school.safety.agreement.campaign"].with_user(user).create(
                    {"name": "x", "term_id": self.term.id}
                )
            with self.assertRaises(AccessError):
                campaign.with_user(user).action_issue()
            with self.assertRaises(AccessError):
                self.tpl_guard.with_user(user).body = "<p>x</p>"
        self.assertEqual(len(self.env["school.safety.agreement"].with_user(self.safety).search([])), 4)
        self.assertEqual(len(self.env["school.safety.agreement"].with_user(self.manager).search([])), 4)

    def test_two_schools_kept_apart(self):
        """Another school sees none of the agreements; a campaign cannot enlist its employees."""
        campaign = self._issued()
        other_env = self.env(user=self.other_safety, context={"allowed_company_ids": self.other_school.ids})
        self.assertFalse(other_env["school.safety.agreement"].search([]))
        self.assertFalse(other_env["school.safety.agreement.campaign"].search([]))
        with self.assertRaises(AccessError):
            campaign.agreement_ids[0].with_env(other_env).read(["body"])
        # shared templates are seen by every school, a school's own ones only by it
        templates = other_env["school.safety.agreement.template"].search([])
        self.assertIn(self.tpl_teacher, templates)
        self.assertNotIn(self.tpl_guard, templates)
        with self._raises(UserError, "Incompatible companies"):
            self._new_campaign([(self.tpl_teacher, self.emp_other)], user=self.env.user)

    def test_campaign_form(self):
        """The campaign form defaults to the current term and lists who signs what."""
        with Form(self.env["school.safety.agreement.campaign"].with_user(self.safety)) as form:
            form.name = "开学安全责任状"
            form.term_id = self.term
            with form.line_ids.new() as line:
                line.template_id = self.tpl_guard
                self.assertEqual(line.role, "guard")
                line.employee_ids.add(self.emp_guard)
        campaign = form.record
        self.assertEqual(campaign.line_ids.employee_count, 1)
        campaign.action_issue()
        self.assertEqual(campaign.agreement_ids.employee_id, self.emp_guard)


@tagged("post_install", "-at_install")
class TestAgreementViews(AgreementCommon):
    def test_my_agreements_menu(self):
        """Every staff member finds their agreements; campaigns are for the safety manager."""
        Menu = self.env["ir.ui.menu"]
        mine = self.env.ref("school_safety.menu_school_safety_agreement_my")
        campaigns = self.env.ref("school_safety.menu_school_safety_agreement_campaign")
        self.assertIn(mine.id, Menu.with_user(self.staff)._visible_menu_ids())
        self.assertNotIn(campaigns.id, Menu.with_user(self.staff)._visible_menu_ids())
        self.assertIn(campaigns.id, Menu.with_user(self.safety)._visible_menu_ids())

    def test_employee_signs_in_form(self):
        """The employee opens the agreement form, draws and signs."""
        campaign = self._issued()
        mine = self._agreement(campaign, self.emp_staff).with_user(self.staff)
        with Form(mine) as form:
            form.signature = SIGNATURE
        mine.action_sign()
        self.assertEqual(mine.state, "signed")
