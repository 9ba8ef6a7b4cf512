import base64

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common_asset_register import SchoolAssetCommon
from .common_purchase import SchoolPurchaseCommon

PDF = base64.b64encode(b"%PDF-1.4 document")


@tagged("post_install", "-at_install")
class TestProjects(SchoolPurchaseCommon):
    """Building and renovation projects: 立项上会, contract, works, 验收, 结算有据."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.works_budget = cls.env["school.budget"].create({
            "year": cls.year, "department_id": cls.logistics.id, "company_id": cls.school.id,
            "line_ids": [(0, 0, {"category": "construction", "amount": 200000}),
                         (0, 0, {"category": "service", "amount": 40000})],
        })
        cls.works_line = cls.works_budget.line_ids.filtered(lambda line: line.category == "construction")
        cls.service_line = cls.works_budget.line_ids.filtered(lambda line: line.category == "service")
        cls.contractor = cls.env["res.partner"].create(
            {"name": "常州市恒泰防水工程有限公司", "is_company": True, "company_id": cls.school.id}
        )
        cls.contractor_user = cls._new_user("t_contractor_staff", "school_base.group_school_staff")
        cls.contractor_user.partner_id.parent_id = cls.contractor

    def _project(self, user=None, **vals):
        return self.env["school.project"].with_user(user or self.keeper).create({
            "subject": "教学楼屋顶防水工程",
            "kind": "renovation",
            "budget_amount": 180000,
            "department_id": self.logistics.id,
            "budget_line_id": self.works_line.id,
            "company_id": self.school.id,
            **vals,
        }).with_env(self.env)

    def _contract(self, project, amount=168500):
        project.with_user(self.keeper).write({
            "contract_number": "MHSX-2026-JJ-003", "contractor_id": self.contractor.id,
            "contract_amount": amount, "contract_file": PDF, "contract_filename": "合同.pdf",
        })

    def test_decision_required_before_contract(self):
        """No collective decision, no project: neither 立项 nor a contract without it."""
        project = self._project()
        self.assertTrue(project.decision_required)
        with self.assertRaises(UserError):
            project.with_user(self.manager).action_decide()
        self._contract(project)
        with self.assertRaises(UserError):
            project.with_user(self.keeper).action_contract()  # still a draft: decide first
        rejected = self._new_decision(result="rejected", subject="屋顶防水")
        project.decision_id = rejected
        with self.assertRaises(UserError):
            project.with_user(self.manager).action_decide()
        too_small = self._new_decision(subject="屋顶防水", amount_limit=100000)
        project.decision_id = too_small
        with self.assertRaises(UserError):
            project.with_user(self.manager).action_decide()
        project.decision_id = self._new_decision(subject="屋顶防水", amount_limit=180000)
        with self.assertRaises(UserError):
            project.with_user(self.keeper).action_decide()  # the director or the principal records it
        project.with_user(self.manager).action_decide()
        self.assertEqual(project.state, "decided")
        self.assertEqual(project.decide_user_id, self.manager)
        # the decision is the school's record now
        with self.assertRaises(UserError):
            project.decision_id.with_user(self.principal).decision = "改写"
        # a contract above what the meeting approved is refused
        self._contract(project, amount=190000)
        with self.assertRaises(UserError):
            project.with_user(self.keeper).action_contract()
        self.assertEqual(project.state, "decided")

    def test_service_below_threshold_needs_no_decision(self):
        """A bought-in service below the school's amount goes ahead without a meeting; above it, not."""
        small = self._project(kind="service", budget_amount=9000, budget_line_id=self.service_line.id)
        self.assertFalse(small.decision_required)
        small.with_user(self.manager).action_decide()
        self.assertEqual(small.state, "decided")
        big = self._project(kind="service", budget_amount=12000, budget_line_id=self.service_line.id)
        self.assertTrue(big.decision_required)
        with self.assertRaises(UserError):
            big.with_user(self.manager).action_decide()

    def test_full_flow_budget_and_acceptance(self):
        """Budget committed, then the contract, then spent; acceptance by two, not the contractor;
        a settlement above the contract needs a reason and an audit report; the principal closes."""
        project = self._project(decision_id=self._new_decision(subject="屋顶防水", amount_limit=180000).id)
        project.with_user(self.manager).action_decide()
        self.assertEqual(self.works_line.committed_amount, 180000)
        self.assertEqual(self.works_line.remaining_amount, 20000)
        with self.assertRaises(UserError):
            project.with_user(self.keeper).action_contract()  # no contract yet
        self._contract(project)
        project.with_user(self.keeper).action_contract()
        self.works_line.invalidate_recordset()
        self.assertEqual(self.works_line.committed_amount, 168500)
        with self.assertRaises(UserError):
            project.with_user(self.keeper).contract_amount = 100000  # signed
        Progress = self.env["school.project.progress"].with_user(self.keeper)
        with self.assertRaises(UserError):
            Progress.create({"project_id": project.id, "percent": 10, "note": "进场"})  # works not started
        project.with_user(self.keeper).action_start()
        Progress.create({"project_id": project.id, "percent": 40, "note": "旧防水层铲除", "date": "2026-05-01"})
        with self.assertRaises(ValidationError):
            Progress.create({"project_id": project.id, "percent": 30, "note": "倒退", "date": "2026-05-08"})
        with self.assertRaises(ValidationError):
            Progress.create({"project_id": project.id, "percent": 130, "note": "超过", "date": "2026-05-09"})
        Progress.create({"project_id": project.id, "percent": 100, "note": "完工，闭水试验", "date": "2026-05-20"})
        self.assertEqual(project.progress, 100)

        with self.assertRaises(UserError):
            project.with_user(self.keeper).action_accept()  # nobody signed yet
        with self.assertRaises(UserError):
            project.with_user(self.contractor_user).action_accept_lead()  # the contractor's own people
        project.with_user(self.keeper).action_accept_lead()
        with self.assertRaises(ValidationError):
            project.with_user(self.keeper).accept_witness_id = self.contractor_user
        with self.assertRaises(UserError):
            project.with_user(self.keeper).accept_witness_id = self.keeper  # not one person alone
        project.with_user(self.keeper).accept_witness_id = self.staff
        project.with_user(self.keeper).accept_note = "屋面平整，闭水试验无渗漏，资料齐全。"
        with self.assertRaises(UserError):
            project.with_user(self.keeper).action_accept()  # the second acceptor has not signed
        with self.assertRaises(UserError):
            project.with_user(self.officer).action_accept_cosign()  # only the named member signs
        project.with_user(self.staff).action_accept_cosign()
        project.with_user(self.keeper).action_accept()
        self.assertEqual(project.state, "accepted")

        project.with_user(self.keeper).write(
            {"settlement_amount": 172000, "settlement_file": PDF, "settlement_filename": "结算书.pdf"}
        )
        with self.assertRaises(UserError):
            project.with_user(self.keeper).action_settle()  # above the contract, no reason, no audit
        project.with_user(self.keeper).settlement_over_reason = "女儿墙泛水增加工程量，经监理签证。"
        with self.assertRaises(UserError):
            project.with_user(self.keeper).action_settle()  # still no audit report
        project.with_user(self.keeper).write({"audit_report_file": PDF, "audit_report_filename": "审计报告.pdf"})
        project.with_user(self.keeper).action_settle()
        self.works_line.invalidate_recordset()
        self.assertEqual(self.works_line.committed_amount, 0)
        self.assertEqual(self.works_line.spent_amount, 172000)
        report = self.env["school.budget.report"].search(
            [("budget_line_id", "=", self.works_line.id), ("source", "=", "project")]
        )
        self.assertEqual(sum(report.mapped("spent_amount")), 172000)
        with self.assertRaises(UserError):
            project.with_user(self.keeper).action_done()  # the principal closes
        project.with_user(self.principal).action_done()
        self.assertEqual(project.state, "done")
        with self.assertRaises(UserError):
            project.with_user(self.principal).subject = "改名"

    def test_nobody_closes_their_own(self):
        """The principal who recorded the settlement does not close the project too."""
        project = self._project(
            user=self.principal, kind="service", budget_amount=8000, budget_line_id=self.service_line.id,
            user_id=self.principal.id,
        )
        project.with_user(self.principal).action_decide()
        project.with_user(self.principal).write({
            "contract_number": "FW-01", "contractor_id": self.contractor.id, "contract_amount": 8000,
            "contract_file": PDF,
        })
        project.with_user(self.principal).action_contract()
        project.with_user(self.principal).action_start()
        project.with_user(self.keeper).action_accept_lead()
        project.with_user(self.keeper).accept_witness_id = self.officer
        project.with_user(self.officer).action_accept_cosign()
        project.with_user(self.keeper).accept_note = "服务完成"
        project.with_user(self.keeper).action_accept()
        project.with_user(self.principal).write({"settlement_amount": 8000, "settlement_file": PDF})
        project.with_user(self.principal).action_settle()
        with self.assertRaises(UserError):
            project.with_user(self.principal).action_done()
        self.assertEqual(project.state, "settled")

    def test_roles_and_side_doors(self):
        """Teachers read, do not create; workflow fields change only through the buttons."""
        with self.assertRaises(AccessError):
            self._project(user=self.staff)
        project = self._project()
        self.assertEqual(project.with_user(self.staff).subject, "教学楼屋顶防水工程")
        with self.assertRaises(UserError):
            project.with_user(self.manager).write({"state": "decided"})
        with self.assertRaises(UserError):
            project.with_user(self.manager).write({"accept_user_id": self.manager.id})
        with self.assertRaises(UserError):
            self._project(state="done")
        with self.assertRaises(ValidationError):
            self._project(budget_amount=-5)
        with self.assertRaises(ValidationError):
            self._project(kind="palace")

    def test_two_schools_apart(self):
        """The other school neither sees nor links this school's projects and decisions."""
        project = self._project()
        other_manager = self._new_user(
            "t_other_works_manager", "school_base.group_school_logistics_manager", self.other_school
        )
        self.assertFalse(self.env["school.project"].with_user(other_manager).with_context(allowed_company_ids=self.other_school.ids).search([("id", "=", project.id)]))
        with self.assertRaises(AccessError):
            project.with_user(other_manager).with_context(allowed_company_ids=self.other_school.ids).read(["subject"])
        other_decision = self.env["school.purchase.decision"].create({
            "subject": "二小会议", "attendee_ids": [(6, 0, (self.principal | self.manager | self.officer).ids)],
            "decision": "同意", "minutes_file": self.minutes, "company_id": self.other_school.id,
        })
        with self.assertRaises(UserError):
            project.decision_id = other_decision


@tagged("post_install", "-at_install")
class TestDisposalDecision(SchoolAssetCommon):
    """大宗设备报废 goes through the collective decision above the school's amount."""

    def test_large_disposal_needs_decision(self):
        self.school.school_disposal_decision_amount = 4000
        self.projector.asset_state = "idle"
        disposal = self.env["school.asset.disposal"].with_user(self.asset_manager).create(
            {"company_id": self.school.id,
             "line_ids": [(0, 0, {"equipment_id": self.projector.id, "reason": "obsolete"})]}
        )
        self.assertTrue(disposal.decision_required)
        disposal.action_submit()
        disposal.action_approve_manager()
        with self.assertRaises(UserError):
            disposal.with_user(self.principal).action_approve_principal()
        decision = self.env["school.purchase.decision"].with_user(self.principal).create({
            "subject": "投影仪报废", "attendee_ids": [(6, 0, (self.principal | self.manager | self.officer).ids)],
            "decision": "同意报废", "minutes_file": PDF, "company_id": self.school.id, "amount_limit": 5000,
        })
        disposal.with_user(self.asset_manager).decision_id = decision
        disposal.with_user(self.principal).action_approve_principal()
        self.assertEqual(disposal.state, "approved")
        self.assertEqual(decision.disposal_count, 1)
        with self.assertRaises(UserError):
            disposal.with_user(self.asset_manager).decision_id = False

    def test_small_disposal_without_decision(self):
        self.school.school_disposal_decision_amount = 50000
        self.projector.asset_state = "idle"
        disposal = self.env["school.asset.disposal"].with_user(self.asset_manager).create(
            {"company_id": self.school.id,
             "line_ids": [(0, 0, {"equipment_id": self.projector.id, "reason": "obsolete"})]}
        )
        self.assertFalse(disposal.decision_required)
        disposal.action_submit()
        disposal.action_approve_manager()
        disposal.with_user(self.principal).action_approve_principal()
        self.assertEqual(disposal.state, "approved")
