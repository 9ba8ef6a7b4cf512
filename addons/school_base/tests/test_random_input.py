"""Random create and write on every school model, as every role (property-based).

Whatever a user sends through the API, the only answers are a ``UserError``, a
``ValidationError``, an ``AccessError`` or a ``MissingError``: never a traceback, never a
half-saved record, and no locked record changes. The examples are bounded so that the
test stays a few seconds long.
"""


from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import SchoolBaseCommon

ALLOWED = (UserError, ValidationError, AccessError, MissingError)
PNG = b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
# never written by users, or written by the ORM itself
SKIPPED_FIELDS = {"id", "create_uid", "create_date", "write_uid", "write_date", "display_name"}
MAX_EXAMPLES = 500


@tagged("post_install", "-at_install")
class TestRandomInput(SchoolBaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        category = cls.env.ref("school_base.module_category_school_logistics")
        groups = cls.env["res.groups"].search([("category_id", "child_of", category.id)], order="id")
        cls.role_users = [
            new_test_user(
                cls.env, login=f"rnd_{group.id}", groups=f"base.group_user,{group.get_external_id()[group.id]}",
                company_id=cls.school.id, company_ids=[(6, 0, cls.school.ids)],
            )
            for group in groups
            if group.get_external_id().get(group.id)
        ]
        cls.model_names = sorted(
            name for name in cls.env.registry
            if name.startswith("school.") and not cls.env[name]._abstract and not cls.env[name]._transient
        )
        cls.ids_cache = {}

    def _ids(self, comodel):
        if comodel not in self.ids_cache:
            self.ids_cache[comodel] = self.env[comodel].sudo().with_context(active_test=False).search(
                [], limit=4, order="id desc"
            ).ids
        return self.ids_cache[comodel]

    def _value_strategy(self, field):
        junk = st.text(max_size=6)
        if field.type in ("char", "text", "html"):
            return st.one_of(st.text(max_size=30), st.integers(), st.just(False))
        if field.type == "integer":
            return st.one_of(st.integers(-5, 500), junk, st.floats(allow_nan=False, allow_infinity=False), st.integers())
        if field.type in ("float", "monetary"):
            return st.one_of(st.floats(-1e6, 1e6, allow_nan=False), junk, st.just(False))
        if field.type == "boolean":
            return st.booleans()
        if field.type == "selection":
            keys = [key for key, _label in field._description_selection(self.env)]
            return st.sampled_from([*keys, "no_such_key", False])
        if field.type in ("date", "datetime"):
            return st.one_of(st.dates().map(str), junk, st.just(False))
        if field.type == "many2one":
            return st.one_of(st.sampled_from([*self._ids(field.comodel_name), 999999999, False]), junk)
        if field.type in ("binary", "image"):
            return st.sampled_from([False, PNG, "not base64 at all"])
        return None

    def _writable_fields(self, model):
        return [
            field for name, field in sorted(model._fields.items())
            if name not in SKIPPED_FIELDS and field.store and not field.related
            and (not field.compute or not field.readonly) and not name.startswith(("message_", "activity_"))
            and field.type not in ("one2many", "many2many", "properties", "json", "reference", "many2one_reference")
        ]

    def _locked_snapshot(self):
        snapshot = {}
        for name in self.model_names:
            model = self.env[name].sudo()
            if not hasattr(model, "_is_locked"):
                continue
            for record in model.search([], limit=20, order="id"):
                if record._is_locked():
                    fnames = [field.name for field in self._writable_fields(model)]
                    snapshot[(name, record.id)] = record.read(fnames)[0]
        return snapshot

    def test_random_create_and_write(self):
        locked_before = self._locked_snapshot()
        strategies = {
            name: {
                field.name: strategy
                for field in self._writable_fields(self.env[name])
                if (strategy := self._value_strategy(field)) is not None
            }
            for name in self.model_names
        }

        @settings(
            max_examples=MAX_EXAMPLES, deadline=None, database=None, derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
        @given(data=st.data())
        def run(data):
            name = data.draw(st.sampled_from(self.model_names), label="model")
            if not strategies[name]:
                return
            user = data.draw(st.sampled_from(self.role_users), label="user")
            fnames = data.draw(
                st.lists(st.sampled_from(sorted(strategies[name])), min_size=1, max_size=5, unique=True),
                label="fields",
            )
            vals = {fname: data.draw(strategies[name][fname], label=fname) for fname in fnames}
            Model = self.env[name].with_user(user)
            existing = self.env[name].sudo().search([], limit=3, order="id desc")
            count = self.env[name].sudo().with_context(active_test=False).search_count([])
            operation = data.draw(st.sampled_from(["create", "write"] if existing else ["create"]), label="op")
            try:
                with self.env.cr.savepoint():
                    if operation == "create":
                        Model.create(vals)
                    else:
                        record = data.draw(st.sampled_from(existing), label="record")
                        record.with_user(user).write(vals)
                    self.env.flush_all()
            except ALLOWED:
                self.env.invalidate_all()
                self.assertEqual(
                    self.env[name].sudo().with_context(active_test=False).search_count([]), count,
                    "a refused create left a record behind",
                )
            except Exception as exc:  # noqa: BLE001 - the property: nothing else ever escapes
                raise AssertionError(
                    f"{type(exc).__name__} on {operation} {name} as {user.login} with {vals!r}: {exc}"
                ) from exc

        run()
        self.env.invalidate_all()
        self.assertEqual(self._locked_snapshot(), locked_before, "a locked record changed")
