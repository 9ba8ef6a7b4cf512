"""No school role changes what the district shares (school.district.mixin), on any model."""

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged

from .test_access_matrix import school_roles


def district_models(env):
    mixin = env.registry["school.district.mixin"]
    return sorted(
        name for name, model in env.registry.items()
        if not model._abstract and issubclass(model, mixin)
    )


@tagged("post_install", "-at_install")
class TestDistrictRows(TransactionCase):
    def test_every_school_role_is_refused_on_every_district_row(self):
        models = district_models(self.env)
        self.assertTrue(models, "the shared models use school.district.mixin")
        school = self.env["res.company"].create({"name": "第三实验小学"})
        for xmlid, group in school_roles(self.env).items():
            user = new_test_user(
                self.env, login=f"district_{group.id}", groups=f"base.group_user,{xmlid}",
                company_id=school.id, company_ids=[(6, 0, school.ids)],
            )
            env = self.env(user=user, context={"allowed_company_ids": school.ids})
            for model in models:
                rows = env[model].sudo().search([("company_id", "=", False)], limit=1).with_env(env)
                if not rows:
                    continue
                with self.subTest(role=xmlid, model=model):
                    name = rows.sudo().display_name
                    with self.assertRaises(AccessError):
                        rows.write({"active": False} if "active" in rows._fields else {})
                    with self.assertRaises(AccessError):
                        rows.unlink()
                    self.assertEqual(rows.sudo().display_name, name)
                    if "active" in rows._fields:
                        self.assertTrue(rows.sudo().active)
