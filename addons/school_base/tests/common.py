from odoo.tests import new_test_user

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT, TransactionCase


class SchoolBaseCommon(TransactionCase):
    """Two schools, a user per role in the first one, a few places and a checklist."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.school = cls.env["res.company"].create({"name": "第一实验小学"})
        cls.other_school = cls.env["res.company"].create({"name": "第二实验小学"})
        cls.env.user.company_ids |= cls.school | cls.other_school
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=[cls.school.id]))

        cls.staff = cls._new_user("t_staff", "school_base.group_school_staff")
        cls.head_teacher = cls._new_user("t_head", "school_base.group_school_head_teacher")
        cls.officer = cls._new_user("t_officer", "school_base.group_school_logistics_officer")
        cls.manager = cls._new_user("t_manager", "school_base.group_school_logistics_manager")
        cls.principal = cls._new_user("t_principal", "school_base.group_school_principal")
        cls.other_officer = cls._new_user("t_other_officer", "school_base.group_school_logistics_officer", cls.other_school)

        Place = cls.env["school.place"]
        cls.campus = Place.create({"name": "本部校区", "level": "campus", "kind": "campus", "company_id": cls.school.id})
        cls.building = Place.create(
            {"name": "明德楼", "level": "building", "kind": "building", "parent_id": cls.campus.id, "company_id": cls.school.id}
        )
        cls.gate = Place.create(
            {"name": "南大门", "code": "G-1", "level": "area", "kind": "gate", "parent_id": cls.campus.id, "company_id": cls.school.id}
        )
        cls.stairs = Place.create(
            {"name": "东楼梯", "code": "S-1", "level": "area", "kind": "stairs", "parent_id": cls.building.id, "company_id": cls.school.id}
        )
        cls.other_gate = Place.create(
            {"name": "二小大门", "level": "area", "kind": "gate", "company_id": cls.other_school.id}
        )

        cls.template = cls.env["school.inspection.template"].create(
            {
                "name": "门卫日巡视",
                "category": "patrol",
                "place_kind": "gate",
                "company_id": cls.school.id,
                "passing_score": 80,
                "item_ids": [
                    (0, 0, {"sequence": 1, "name": "来访登记完整", "item_type": "check", "weight": 2}),
                    (0, 0, {"sequence": 2, "name": "报警装置正常", "item_type": "check", "weight": 1}),
                    (0, 0, {"sequence": 3, "name": "门卫室温度", "item_type": "number", "min_value": 10, "max_value": 30, "weight": 1}),
                    (0, 0, {"sequence": 4, "name": "值班记录", "item_type": "text", "photo_required_on_fail": False}),
                ],
            }
        )

    @classmethod
    def _new_user(cls, login, groups, company=None, **values):
        """An internal user of ``company`` (the first school by default) holding ``groups``.

        ``groups``: the xmlids of the roles, comma-separated; every addon's fixtures use this.
        """
        company = company or cls.school
        values.setdefault("tz", "Asia/Shanghai")
        return new_test_user(
            cls.env, login=login, groups=f"base.group_user,{groups}",
            company_id=company.id, company_ids=[(6, 0, company.ids)], **values,
        )

    @classmethod
    def _new_inspection(cls, place=None, user=None, **vals):
        return cls.env["school.inspection"].create(
            {
                "template_id": cls.template.id,
                "place_id": (place or cls.gate).id,
                "inspector_user_id": (user or cls.staff).id,
                "company_id": cls.school.id,
                **vals,
            }
        )

    @staticmethod
    def _answer(inspection, failing=(), photo=True):
        """Answer every line: pass, except the names in ``failing``."""
        png = (
            b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
        )
        for line in inspection.line_ids:
            fail = line.name in failing
            vals = {}
            if line.item_type == "check":
                vals["check_result"] = "fail" if fail else "pass"
            elif line.item_type == "number":
                vals["value_number"] = 45 if fail else 20
            elif line.item_type == "text":
                vals["value_text"] = "正常"
            if fail and photo:
                vals["photo"] = png
            line.write(vals)


def list_spec(env, model, view_id=False):
    """The web_search_read specification of a list view, as the web client builds it: the
    list's fields, and the display name of each linked record."""
    from lxml import etree

    views = env[model].get_views([(view_id, "list")])
    arch = etree.fromstring(views["views"]["list"]["arch"])
    fields_info = views["models"][model]["fields"]
    spec = {}
    for node in arch.xpath("./field"):
        name = node.get("name")
        relational = fields_info.get(name, {}).get("type") in ("many2one", "many2many", "one2many")
        spec[name] = {"fields": {"display_name": {}}} if relational else {}
    return spec


def form_spec(env, model, view_id=False):
    """The web_read specification of a form view's own fields (lines read as display names)."""
    from lxml import etree

    views = env[model].get_views([(view_id, "form")])
    arch = etree.fromstring(views["views"]["form"]["arch"])
    fields_info = views["models"][model]["fields"]
    spec = {}
    for node in arch.xpath("//field[not(ancestor::field)]"):
        name = node.get("name")
        relational = fields_info.get(name, {}).get("type") in ("many2one", "many2many", "one2many")
        spec[name] = {"fields": {"display_name": {}}} if relational else {}
    return spec
