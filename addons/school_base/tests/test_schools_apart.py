"""Two schools of one district, walked over every school model: nothing of one reaches the other.

The demo school (孟河实验小学) holds records of nearly every ``school.*`` model. A second
school gets a twin of every school role; each twin tries the demo school's records through
search, read, write, delete, their messages and attachments, their printed reports and the
QR pages. It runs after every addon is installed, so it walks the models of all of them.
"""

from contextlib import contextmanager

from odoo.exceptions import AccessError, MissingError, UserError
from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged

REFUSED = (AccessError, MissingError, UserError)
#: at least this share of the school models with a company must have demo records to walk
MIN_COVERAGE = 0.6


def _school_models(env):
    """The stored school models whose records belong to one school (a ``company_id``)."""
    names = []
    for name in sorted(env):
        model = env[name]
        if model._abstract or model._transient or not model._auto:
            continue
        if not (name.startswith("school.")) or "company_id" not in model._fields:
            continue
        names.append(name)
    return names


def _twins(env, company, prefix):
    """A user of ``company`` for each school role (every group of the school category)."""
    category = env.ref("school_base.module_category_school_logistics")
    groups = env["res.groups"].search([("category_id", "=", category.id)])
    users = env["res.users"]
    for group in groups:
        xmlid = group.get_external_id()[group.id].replace(".", "_")
        users |= new_test_user(
            env, login=f"{prefix}_{xmlid}", groups=f"base.group_user,{group.get_external_id()[group.id]}",
            company_id=company.id, company_ids=[(6, 0, company.ids)], name=f"{prefix} {group.name}",
        )
    return users


@tagged("post_install", "-at_install")
class TestSchoolsApart(TransactionCase):
    @contextmanager
    def assertRefused(self, msg=None):
        """The block raises an access, missing-record or user error, and changes nothing."""
        with self.assertRaises(Exception, msg=msg) as caught, self.cr.savepoint():
            yield
        error = caught.exception
        # a report's template wraps the refusal of the record it reads
        while not isinstance(error, REFUSED) and (error.__cause__ or error.__context__):
            error = error.__cause__ or error.__context__
        self.assertIsInstance(error, REFUSED, f"{msg}: {caught.exception!r}")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.demo_school = cls.env.ref("base.main_company")
        cls.twin_school = cls.env["res.company"].create({"name": "孪生实验小学"})
        cls.twins = _twins(cls.env, cls.twin_school, "twin")
        cls.samples = {}
        for name in _school_models(cls.env):
            records = cls.env[name].sudo().with_context(active_test=False).search(
                [("company_id", "=", cls.demo_school.id)], limit=3, order="id"
            )
            if records:
                cls.samples[name] = records.ids

    def test_coverage(self):
        """The walk is not empty: most school models have demo records of the demo school."""
        models = _school_models(self.env)
        self.assertGreater(len(self.twins), 5)
        self.assertGreaterEqual(
            len(self.samples) / len(models), MIN_COVERAGE,
            f"only {len(self.samples)} of {len(models)} models have demo records: "
            f"{sorted(set(models) - set(self.samples))}",
        )

    def test_records_of_the_other_school(self):
        """Search finds none, and read, write and delete are refused, for every twin role."""
        for user in self.twins:
            env = self.env(user=user, context={"allowed_company_ids": self.twin_school.ids})
            for name, ids in self.samples.items():
                with self.subTest(model=name, role=user.name):
                    Model = env[name].with_context(active_test=False)
                    if not Model.has_access("read"):
                        continue
                    self.assertFalse(Model.search([("id", "in", ids)]))
                    records = Model.browse(ids)
                    for operation in ("read", "write", "unlink"):
                        with self.assertRefused(operation):
                            records.check_access(operation)
                    with self.assertRefused("read"):
                        records.read(["display_name"])

    def test_messages_and_attachments(self):
        """The chatter and the files of the other school's records stay out of reach."""
        for user in self.twins:
            env = self.env(user=user, context={"allowed_company_ids": self.twin_school.ids})
            for name, ids in self.samples.items():
                with self.subTest(model=name, role=user.name):
                    self.assertFalse(
                        env["mail.message"].search([("model", "=", name), ("res_id", "in", ids)])
                    )
                    self.assertFalse(
                        env["ir.attachment"].search([("res_model", "=", name), ("res_id", "in", ids)])
                    )
                    if "message_ids" in env[name]._fields and env[name].has_access("read"):
                        with self.assertRefused("message_post"):
                            env[name].browse(ids[0]).message_post(body="跨校留言")

    def test_reports(self):
        """A printed report of the other school's records is refused, for the highest twin role."""
        principal = self.twins.filtered(lambda user: user.has_group("school_base.group_school_principal"))[:1]
        reports = self.env["ir.actions.report"].search(
            [("model", "in", list(self.samples)), ("report_type", "in", ("qweb-pdf", "qweb-html"))]
        )
        self.assertTrue(reports)
        for report in reports:
            with self.subTest(report=report.report_name):
                with self.assertRefused(report.report_name):
                    self.env["ir.actions.report"].with_user(principal).with_context(
                        allowed_company_ids=self.twin_school.ids
                    )._render_qweb_html(report.report_name, self.samples[report.model])


@tagged("post_install", "-at_install")
class TestQrPagesApart(HttpCase):
    def test_place_qr_of_the_other_school(self):
        """A twin school's guard scanning the demo school's place QR lands on their own list."""
        twin_school = self.env["res.company"].create({"name": "孪生实验小学"})
        new_test_user(
            self.env, login="twin_qr", password="twin_qr_pass", groups="base.group_user,school_base.group_school_staff",
            company_id=twin_school.id, company_ids=[(6, 0, twin_school.ids)],
        )
        place = self.env["school.place"].search([("company_id", "=", self.env.ref("base.main_company").id)], limit=1)
        self.assertTrue(place)
        self.authenticate("twin_qr", "twin_qr_pass")
        response = self.url_open(f"/school/place/{place.id}", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertNotIn(str(place.id), response.headers["Location"].rsplit("/", 1)[-1])
        self.assertIn("school_place_action", response.headers["Location"])
