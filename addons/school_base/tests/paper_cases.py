"""The one register of the PDF papers of the school addons and how each is tested.

Every ``qweb-pdf`` report of a ``school_*`` addon has an entry here: ``test_paper.TestPapers``
renders it through wkhtmltopdf for the record the entry returns, as the user who prints it,
in Chinese, and reads it back; a report without an entry fails the test (and the repository
test ``tests/test_papers.py``). An entry is a function of the test's ``env`` returning a
``Paper``; it may prepare the record first (sign it, count it), in the test's transaction.
The functions of addons that are not installed are never called.
"""

from dataclasses import dataclass, field

from odoo import fields

PAPERS = {}


@dataclass
class Paper:
    record: object
    #: xmlid of the user who prints it (the role's demo login)
    user: str
    #: words the paper must show: its title, its labels and the record's own values
    texts: list = field(default_factory=list)
    #: pages of the PDF
    pages: int = 1
    #: URLs the QR codes of the paper must decode to
    qr_urls: list = field(default_factory=list)
    #: the record's own data that may be English (Odoo's demo products): not looked at for English
    data: list = field(default_factory=list)
    #: the footer numbers the pages (official papers, web.external_layout); label sheets and
    #: certificates (web.basic_layout) have no footer
    page_numbers: bool = True


def paper(report_xmlid):
    def register(function):
        PAPERS[report_xmlid] = function
        return function
    return register


# ---------------------------------------------------------------- school_base
@paper("school_base.action_report_school_place_qr_labels")
def _place_labels(env):
    place = env.ref("school_base.school_place_a101_demo")
    return Paper(
        place, "school_base.res_users_manager_demo",
        texts=[place.name, place.parent_id.complete_name, place.responsible_employee_id.name,
               place.company_id.name],
        qr_urls=[place.qr_url],
        page_numbers=False,
    )


# ---------------------------------------------------------------- school_assets
@paper("school_base.action_report_school_campus_wall_sheet")
def _campus_wall_sheet(env):
    # 公布上墙: the demo week's hygiene, office and energy results of the demo school
    school = env.ref("base.main_company")
    director = env.ref("school_base.res_users_manager_demo")
    # a wizard is read only by who made it: the director makes the sheet they print
    sheet = env["school.campus.wall.sheet"].with_user(director).create(
        {"period": "week", "date": fields.Date.context_today(env.user), "company_id": school.id}
    )
    first = sheet._get_boards()[0]["rows"][0]["subject"]
    return Paper(
        sheet, "school_base.res_users_manager_demo",
        texts=["卫生、文明办公与节能检查结果公示", "名次", school.name, first.display_name],
    )


@paper("school_assets.action_report_school_asset_qr_labels")
def _asset_labels(env):
    asset = env["maintenance.equipment"].search(
        [("asset_number", "!=", False), ("school_place_id", "!=", False)], limit=1
    )
    return Paper(
        asset, "school_base.res_users_manager_demo",
        texts=[asset.name, asset.asset_number, asset.school_place_id.complete_name, asset.company_id.name],
        qr_urls=[asset.asset_qr_url],
        page_numbers=False,
    )


@paper("school_assets.action_report_school_plant_labels")
def _plant_labels(env):
    # 挂牌认养: the camphor tree adopted by class 3(2)
    plant = env.ref("school_assets.school_plant_camphor_demo")
    # the label names the adopting class while the adoption lasts (the demo's runs for the school year)
    adopted = ["认养班级", plant.class_id.name] if plant.adoption_state == "current" else []
    return Paper(
        plant, "school_base.res_users_manager_demo",
        texts=[plant.name, plant.label_no, plant.place_id.name, *adopted, plant.company_id.name],
        qr_urls=[plant.qr_url],
        data=[plant.species],
        page_numbers=False,
    )


@paper("school_assets.action_report_school_asset_custody_sheet")
def _custody_sheet(env):
    handover = env.ref("school_assets.school_asset_handover_g1c1_demo")
    return Paper(
        handover, "school_base.res_users_manager_demo",
        texts=["班级（部门）财产保管单", "保管人", "后勤处", handover.place_id.name,
               handover.custodian_employee_id.name, handover.line_ids[:1].name, handover.company_id.name],
    )


@paper("school_assets.action_report_school_stocktake")
def _stocktake(env):
    stocktake = env.ref("school_assets.school_stocktake_monthly_demo")
    return Paper(
        stocktake, "school_base.res_users_manager_demo",
        texts=["盘点表", "账面数量", "实盘数量", stocktake.name, stocktake.company_id.name],
        pages=2,
        # the store also holds Odoo's demo products, named in English when Chinese came later
        data=stocktake.line_ids.product_id.mapped("display_name"),
    )


@paper("school_assets.action_report_repair_settlement_sheet")
def _repair_settlement_sheet(env):
    """The projector's sheet, signed by the room's head with a drawn signature and settled."""
    request = env.ref("school_assets.maintenance_request_projector_demo")
    return Paper(
        request, "school_base.res_users_manager_demo",
        texts=["维修结算单", "外修单位", "合计", request.name, request.contractor_id.name,
               request.school_place_id.name, request.cost_line_ids[:1].name, request.sheet_signed_by_id.name,
               request.company_id.name],
    )


def inspected_receipt(env, sign=True, context=None):
    """A demo receipt counted by the manager (store keeper) and, if ``sign``, signed by its
    witness (with ``context``)."""
    receipt = env["stock.picking"].search(
        [("picking_type_code", "=", "incoming"), ("state", "=", "assigned"),
         ("company_id", "=", env.ref("base.main_company").id), ("partner_id", "!=", False)],
        limit=1, order="id desc",
    )
    keeper = env.ref("school_base.res_users_manager_demo")
    witness = env.ref("school_base.res_users_officer_demo")
    receipt.with_user(keeper).action_school_inspect()
    receipt.with_user(keeper).write({
        "witness_user_id": witness.id, "inspection_quantity_result": "ok", "inspection_quality_result": "ok",
        "inspection_note": "外包装完好，数量与送货单一致。",
    })
    if sign:
        receipt.with_user(witness).with_context(**(context or {})).action_school_witness_sign()
    return receipt


@paper("school_assets.action_report_receipt_inspection_sheet")
def _receipt_inspection_sheet(env):
    receipt = inspected_receipt(env)
    return Paper(
        receipt, "school_base.res_users_manager_demo",
        texts=["入库验收单", "见证人", "外包装完好", receipt.partner_id.name,
               receipt.move_ids[:1].product_id.name, receipt.inspector_user_id.name, receipt.witness_user_id.name,
               receipt.company_id.name],
    )


@paper("school_assets.action_report_requisition_slip")
def _requisition_slip(env):
    requisition = env.ref("school_assets.school_stock_requisition_class_demo")
    return Paper(
        requisition, "school_base.res_users_manager_demo",
        texts=["领用单", "年级组长", requisition.name, requisition.department_id.name, requisition.class_id.name,
               requisition.line_ids[:1].product_id.name, requisition.issued_by_id.name, requisition.company_id.name],
    )


# ---------------------------------------------------------------- school_safety
@paper("school_safety.action_report_key_place_card")
def _key_place_card(env):
    place = env.ref("school_base.school_place_south_gate_demo")
    return Paper(
        place, "school_base.res_users_officer_demo",
        texts=["重点部位安全责任牌", "安全职责", place.name, place.responsible_employee_id.name,
               "严格执行门卫询问登记制度", place.company_id.name],
        qr_urls=[place.qr_url],
    )


@paper("school_safety.action_report_drill_sign_in")
def _drill_sign_in(env):
    """The end-of-term evacuation: 24 classes and 60 staff sign on five pages."""
    drill = env.ref("school_safety.school_safety_drill_evacuation_end_demo")
    return Paper(
        drill, "school_base.res_users_officer_demo",
        texts=["演练签到表", "签名", drill.name, drill.class_ids[:1].name, drill.class_ids[-1:].name,
               drill.company_id.name],
        pages=5,
    )


@paper("school_safety.action_report_school_safety_agreement")
def _agreement(env):
    agreement = env["school.safety.agreement"].search(
        [("employee_id", "=", env.ref("school_base.hr_employee_guard_captain_demo").id), ("state", "=", "signed")],
        limit=1,
    )
    return Paper(
        agreement, "school_base.res_users_officer_demo",
        texts=[agreement.template_id.with_context(lang="zh_CN").name, "签字人", "校门保持关闭",
               agreement.employee_id.name, agreement.company_id.name],
    )


# ---------------------------------------------------------------- school_canteen
@paper("school_canteen.action_report_committee_meeting_sign_in")
def _meeting_sign_in(env):
    meeting = env.ref("school_canteen.school_canteen_committee_meeting_autumn_demo")
    return Paper(
        meeting, "school_canteen.res_users_canteen_manager_demo",
        texts=["会议签到表", "家长代表", meeting.name, meeting.attendee_employee_ids[:1].name,
               meeting.parent_partner_ids[:1].name, meeting.company_id.name],
    )


@paper("school_canteen.action_report_meal_arrangement")
def _meal_arrangement(env):
    # 学生用餐安排表: the first lunch slot (grades 1 and 2) of the demo school, for the dining hall's wall
    first = env.ref("school_canteen.school_canteen_meal_arrangement_g1c1_demo")
    arrangements = env["school.canteen.meal.arrangement"].search(
        [("term_id", "=", first.term_id.id), ("meal", "=", "lunch"), ("slot", "=", first.slot)]
    )
    return Paper(
        arrangements, "school_canteen.res_users_canteen_manager_demo",
        texts=["学生用餐安排", "值班教师", first.class_id.name, first.place_id.name, first.slot,
               first.company_id.name],
    )


# ---------------------------------------------------------------- school_union
@paper("school_union.action_report_award_certificate")
def _award_certificate(env):
    candidate = env.ref("school_union.school_union_candidate_team_grade3_demo")
    return Paper(
        candidate, "school_union.res_users_union_chair_demo",
        texts=["荣誉证书", candidate.name, candidate.election_id.name, candidate.company_id.name],
        page_numbers=False,
    )


# ---------------------------------------------------------------- school_fee
@paper("school_fee.action_report_fee_notice")
def _fee_notice(env):
    # 收费公示: the demo school's filed plan of the term, for the parents' notice board
    plan = env.ref("school_fee.school_fee_plan_current_demo")
    return Paper(
        plan, "school_fee.res_users_fee_manager_demo",
        texts=["收费公示", "作业本费", "午餐费", plan.filing_number, plan.company_id.name],
    )
