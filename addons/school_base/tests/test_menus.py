"""Every role's menus stay short and without repeats, in English and in Chinese.

For each role group of the school addons (a user holding that group alone, plus the demo logins
when the demo data is there) the menus the web client loads (``load_menus``) are walked:

- no menu (nor the list of apps) has more than ``MAX_CHILDREN`` entries;
- no two entries of one menu have the same name (in English, and in Chinese as the po files say);
- under the school apps no action is reached twice and no two entries have the same name (a
  Chinese user reads the Chinese names: "Ledger" and "Ledgers" would both read 台账);
- a school role sees only the apps it uses: the today screen, Discuss, School Logistics, and
  the Education Bureau or the dashboards when its group opens them (the other Odoo apps stay
  with the administrator, see ``ir_ui_menu.SCHOOL_HIDDEN_APPS``).

The administrator is not checked: it sees Odoo's technical menus too (Settings › Technical has
more than 15 entries and repeats some of Odoo's own). ``ALLOWED_DUPLICATE_NAMES`` lists the
repeated names found acceptable (none so far).
"""

import collections
import glob
import os

import polib

from odoo.modules.module import get_module_path
from odoo.tests import TransactionCase, new_test_user, tagged

MAX_CHILDREN = 15
DEMO_LOGINS = (
    "principal", "manager", "officer", "headteacher", "staff", "guard", "canteen", "repairer",
    "busdriver", "unionchair", "doctor",
)
# the school's own apps (their trees are checked for repeated actions and names)
SCHOOL_APPS = ("school_base.menu_school_today", "school_base.menu_school_root", "school_base.menu_school_district_root")
# root menus a school role may see besides the school apps, with the group that opens each
OTHER_APPS = {
    "mail.menu_root_discuss": "base.group_user",
    "spreadsheet_dashboard.spreadsheet_dashboard_menu_root": "school_base.group_school_logistics_manager",
}
# names repeated on purpose in one role's school menus (none so far)
ALLOWED_DUPLICATE_NAMES = frozenset()


def _school_menu_names_zh(env):
    """xmlid of a menu -> its Chinese name, read from the school addons' zh_CN.po files."""
    names = {}
    modules = env["ir.module.module"].search([("name", "=like", "school_%"), ("state", "=", "installed")])
    for module in modules:
        path = get_module_path(module.name)
        for po_path in glob.glob(os.path.join(path, "i18n", "zh_CN.po")) if path else ():
            for entry in polib.pofile(po_path):
                if not entry.msgstr or entry.obsolete:
                    continue
                for occurrence, _line in entry.occurrences:
                    if occurrence.startswith("model:ir.ui.menu,name:"):
                        names[occurrence.split(":", 2)[2]] = entry.msgstr
    return names


@tagged("post_install", "-at_install")
class TestRoleMenus(TransactionCase):
    """The menus of every school role: ≤ 15 entries a menu, no repeats, only the apps it uses."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.zh_names = _school_menu_names_zh(cls.env)
        cls.users = {}
        groups = cls.env["ir.model.data"].search([
            ("model", "=", "res.groups"), ("module", "=like", "school_%"),
        ])
        for data in groups:
            xmlid = f"{data.module}.{data.name}"
            cls.users[xmlid] = new_test_user(
                cls.env, login=f"menu_{data.module}_{data.name}", groups=f"base.group_user,{xmlid}",
            )
        for login in DEMO_LOGINS:
            user = cls.env["res.users"].search([("login", "=", login)])
            if user:
                cls.users[f"demo login {login}"] = user

    def _menus(self, user):
        return self.env["ir.ui.menu"].with_user(user).load_menus(False)

    def _problems(self, user):
        """What is wrong with ``user``'s menus, one line each."""
        menus = self._menus(user)
        school_roots = {
            self.env.ref(xmlid).id for xmlid in SCHOOL_APPS if self.env.ref(xmlid, raise_if_not_found=False)
        }
        problems, school_entries = self._walk(menus, school_roots)
        for kind, labels_by_key in school_entries.items():
            for key, labels in labels_by_key.items():
                if len(labels) < 2:
                    continue
                if kind == "action":
                    problems.append(f"{key} is opened by {', '.join(labels)}")
                elif key not in ALLOWED_DUPLICATE_NAMES:
                    problems.append(f"{key} is the name of {', '.join(labels)}")
        allowed = set(school_roots)
        for xmlid, group in OTHER_APPS.items():
            menu = self.env.ref(xmlid, raise_if_not_found=False)
            if menu and user.has_group(group):
                allowed.add(menu.id)
        problems += [
            f"the app {self._label(menus, root)} is not a school app"
            for root in menus["root"]["children"] if root not in allowed
        ]
        return problems

    @staticmethod
    def _label(menus, menu_id):
        menu = menus[menu_id]
        return f"{menu['name']} ({menu.get('xmlid') or menu_id})"

    def _walk(self, menus, school_roots):
        """Crowded menus and siblings of the same name; the school apps' entries by action and name."""
        problems = []
        school_entries = {"action": collections.defaultdict(list), "name": collections.defaultdict(list)}

        def zh(menu_id):
            return self.zh_names.get(menus[menu_id].get("xmlid"), menus[menu_id]["name"])

        def walk(menu_id, in_school):
            children = menus[menu_id]["children"]
            if len(children) > MAX_CHILDREN:
                problems.append(f"{self._label(menus, menu_id)} has {len(children)} entries")
            for names in ([menus[c]["name"] for c in children], [zh(c) for c in children]):
                problems.extend(
                    f"{self._label(menus, menu_id)} lists {name} {count} times"
                    for name, count in collections.Counter(names).items() if count > 1
                )
            for child in children:
                child_in_school = in_school or child in school_roots
                if child_in_school and menus[child]["action"]:
                    school_entries["action"][menus[child]["action"]].append(self._label(menus, child))
                    school_entries["name"][zh(child)].append(self._label(menus, child))
                walk(child, child_in_school)

        walk("root", False)
        return problems, school_entries

    def test_every_role_menus(self):
        """≤ 15 entries a menu, no entry twice, no app outside the school's, for each role."""
        self.assertTrue(self.users)
        report = []
        for role, user in self.users.items():
            report += [f"{role}: {problem}" for problem in self._problems(user)]
        self.assertFalse(report, "\n" + "\n".join(report))

    def test_checks_bite(self):
        """The checks above find a repeated entry and a crowded menu."""
        user = self.users["school_base.group_school_staff"]
        root = self.env.ref("school_base.menu_school_root")
        report = self.env.ref("school_base.school_inspection_menu_my")
        action = f"{report.action._name},{report.action.id}"
        for _twice in range(2):
            self.env["ir.ui.menu"].create({"name": "Twice", "parent_id": root.id, "action": action})
        for number in range(MAX_CHILDREN):
            self.env["ir.ui.menu"].create({"name": f"Entry {number}", "parent_id": root.id, "action": action})
        self.env.registry.clear_cache()
        problems = "\n".join(self._problems(user))
        self.assertIn("lists Twice 2 times", problems)
        self.assertIn("Twice is the name of", problems)
        self.assertRegex(problems, r"School Logistics \(school_base.menu_school_root\) has \d\d entries")
        self.assertIn("is opened by", problems)

    def test_staff_sees_no_back_office(self):
        """A teacher does not see the purchase, inventory or purchase-request back offices."""
        staff = new_test_user(
            self.env, login="menu_head_buyer",
            groups="base.group_user,school_base.group_school_head_teacher,purchase_request.group_purchase_request_user"
            if self.env.ref("purchase_request.group_purchase_request_user", raise_if_not_found=False)
            else "base.group_user,school_base.group_school_head_teacher",
        )
        roots = {self._menus(staff)[root].get("xmlid") for root in self._menus(staff)["root"]["children"]}
        self.assertIn("school_base.menu_school_root", roots)
        self.assertIn("school_base.menu_school_today", roots)
        self.assertFalse(roots & {
            "purchase.menu_purchase_root", "stock.menu_stock_root", "purchase_request.parent_menu_purchase_request",
            "spreadsheet_dashboard.spreadsheet_dashboard_menu_root", "base.menu_management",
        })
