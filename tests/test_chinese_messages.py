"""What our code posts to people, and the errors it shows them, are translatable (issue 15).

A zh_CN user reads the messages, activities and errors in Chinese only when the text is a
translatable term: ``_("...")``, ``self.env._("...")`` (or ``record._in_lang_of(user).env._``),
a lazy ``_lt("...")`` or a template or view. This check reads every ``addons/**/*.py`` outside
the tests and finds, in the text given to

- ``message_post`` / ``message_notify`` (``body``, ``subject``), ``_message_log`` (``body``),
  ``message_post_with_source`` (``subject``),
- ``activity_schedule`` (``summary``, ``note``),
- ``UserError``, ``ValidationError``, ``AccessError``, ``MissingError``, ``RedirectWarning``
  (the message),

a string literal with an English word in it: directly, in an f-string, a concatenation, a ``%``
or ``.format()``, a ``Markup``, a conditional, ``.join`` of a list, or a local variable the
function assigns such a text to. Markup tags and placeholders (``%(name)s``, ``{name}``) are not
words; a value the check cannot see (a field, a call) is not reported.
"""

import ast
import re

from conftest import ADDONS_DIR

TEXT_ARGUMENTS = {
    "message_post": ("body", "subject"),
    "message_notify": ("body", "subject"),
    "_message_log": ("body",),
    "message_post_with_source": ("subject",),
    "activity_schedule": ("summary", "note"),
}
# activity_schedule(act_type_xmlid, date_deadline, summary, note)
POSITIONAL = {"activity_schedule": {2: "summary", 3: "note"}}
EXCEPTIONS = {"UserError", "ValidationError", "AccessError", "MissingError", "RedirectWarning"}
TRANSLATE = {"_", "_lt"}

TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
PLACEHOLDER = re.compile(r"%\(\w+\)[sdfr]|%[sdfr]|\{\w*(?:[.:!][^{}]*)?\}|&\w+;")
WORD = re.compile(r"[A-Za-z]{2,}")


def english(text):
    """``text`` holds an English word once its tags, entities and placeholders are taken out."""
    return bool(WORD.search(PLACEHOLDER.sub(" ", TAG.sub(" ", text))))


def _call_name(node):
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


class _Function:
    """What one function assigns to its local names and appends to its lists, and the module's
    constants (a selection's English labels read with ``dict(SELECTION)[key]``)."""

    def __init__(self, node, module=None):
        self.values = {}
        self.module = module.values if module is not None else {}
        nodes = ast.iter_child_nodes(node) if isinstance(node, ast.Module) else ast.walk(node)
        for child in nodes:
            if isinstance(child, ast.Assign):
                for target in child.targets:
                    if isinstance(target, ast.Name):
                        self.values.setdefault(target.id, []).append(child.value)
            elif isinstance(child, (ast.AugAssign, ast.AnnAssign)) and isinstance(child.target, ast.Name):
                if child.value is not None:
                    self.values.setdefault(child.target.id, []).append(child.value)
            elif (isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute)
                  and child.func.attr in ("append", "extend", "insert") and isinstance(child.func.value, ast.Name)):
                self.values.setdefault(child.func.value.id, []).extend(child.args[-1:])


def _parts(node):
    """The sub-expressions whose text ends up in the text of ``node`` (not a name or a call)."""
    if isinstance(node, ast.JoinedStr):
        return [part.value if isinstance(part, ast.FormattedValue) else part for part in node.values]
    if isinstance(node, ast.BinOp):
        return [node.left, node.right]
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return node.elts
    if isinstance(node, ast.Dict):
        return node.values
    if isinstance(node, (ast.ListComp, ast.GeneratorExp, ast.SetComp)):
        return [node.elt]
    if isinstance(node, ast.IfExp):
        return [node.body, node.orelse]
    if isinstance(node, ast.BoolOp):
        return node.values
    if isinstance(node, ast.Subscript):
        return [node.value]  # dict(SELECTION)[key], LABELS[key]: the labels, not the keys
    return []


def _call_parts(node):
    """The arguments of a call whose text ends up in its result (the labels of ``dict()`` aside)."""
    name = _call_name(node)
    if name in TRANSLATE:
        # the term itself is translated; what is put into it is not
        return [*node.args[1:], *(keyword.value for keyword in node.keywords)]
    if name == "Markup":
        return node.args
    if name in ("format", "join") and isinstance(node.func, ast.Attribute):
        return [node.func.value, *node.args, *(keyword.value for keyword in node.keywords)]
    return []


def english_literals(node, function, seen=None):
    """The English string literals that end up in the text ``node`` evaluates to."""
    seen = set() if seen is None else seen
    if isinstance(node, ast.Constant):
        return [node] if isinstance(node.value, str) and english(node.value) else []
    if isinstance(node, ast.Name):
        if node.id in seen or function is None:
            return []
        seen.add(node.id)
        parts = function.values.get(node.id) or function.module.get(node.id, ())
    elif isinstance(node, ast.Call) and _call_name(node) == "dict" and isinstance(node.func, ast.Name):
        return [literal for argument in node.args for literal in _english_labels(argument, function, seen)]
    elif isinstance(node, ast.Call):
        parts = _call_parts(node)
    else:
        parts = _parts(node)
    return [literal for part in parts for literal in english_literals(part, function, seen)]


def _english_labels(node, function, seen):
    """The English labels of a selection list ``[(key, label)]`` (given as is or by name)."""
    if isinstance(node, ast.Name):
        if node.id in seen or function is None:
            return []
        seen.add(node.id)
        values = function.values.get(node.id) or function.module.get(node.id, ())
        return [literal for value in values for literal in _english_labels(value, function, seen)]
    if isinstance(node, (ast.List, ast.Tuple)):
        return [
            literal for element in node.elts if isinstance(element, ast.Tuple) and len(element.elts) == 2
            for literal in english_literals(element.elts[1], function, seen)
        ]
    return []


def _texts_of_call(node):
    """The argument nodes of ``node`` that are shown to people."""
    name = _call_name(node)
    if name in EXCEPTIONS and isinstance(node.func, ast.Name):
        return node.args[:1] + [keyword.value for keyword in node.keywords if keyword.arg == "message"]
    if name in TEXT_ARGUMENTS and isinstance(node.func, ast.Attribute):
        texts = [keyword.value for keyword in node.keywords if keyword.arg in TEXT_ARGUMENTS[name]]
        texts += [node.args[index] for index in POSITIONAL.get(name, {}) if index < len(node.args)]
        return texts
    return []


def untranslated_texts(source, filename="<string>"):
    """``[(line, call, literal)]``: the English literals given to people in ``source``."""
    tree = ast.parse(source, filename)
    module = _Function(tree)
    found = []
    functions = [node for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]
    owner = {}
    for function in functions:  # the innermost function of each call
        for child in ast.walk(function):
            owner[id(child)] = function
    scopes = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        for text in _texts_of_call(node):
            function = owner.get(id(node))
            if function is not None and id(function) not in scopes:
                scopes[id(function)] = _Function(function, module)
            scope = scopes.get(id(function)) if function is not None else module
            for literal in english_literals(text, scope):
                found.append((node.lineno, _call_name(node), literal.value))
    return found


def _python_files():
    for path in sorted(ADDONS_DIR.glob("*/**/*.py")):
        if "tests" in path.relative_to(ADDONS_DIR).parts or "migrations" in path.parts:
            continue
        yield path


def test_checker_finds_english_and_only_english():
    bad = '''
LEVELS = [("area", "Room / Area")]
def action(self):
    note = "Please check the " + self.name
    lines = ["Checked by"]
    self.message_post(body="Hazard closed")
    self.message_post(body=f"Closed by {self.env.user.name}")
    self.activity_schedule("mail.mail_activity_data_todo", summary=note)
    self.message_post(body=Markup("<br/>").join(lines))
    self.activity_schedule("x.y", fields.Date.today(), "Re-check", note=_("%s ok") % "done")
    raise UserError("Nothing to do: %s" % self.name)
    raise ValidationError(_("%(level)s is wrong", level=dict(LEVELS)[self.level]))
'''
    assert sorted((line, call, text) for line, call, text in untranslated_texts(bad)) == [
        (6, "message_post", "Hazard closed"),
        (7, "message_post", "Closed by "),
        (8, "activity_schedule", "Please check the "),
        (9, "message_post", "Checked by"),
        (10, "activity_schedule", "Re-check"),
        (10, "activity_schedule", "done"),
        (11, "UserError", "Nothing to do: %s"),
        (12, "ValidationError", "Room / Area"),
    ]
    good = '''
def action(self, user):
    for_user = self._in_lang_of(user)
    body = Markup("<p>%s</p>") % for_user.env._("Closed by %(name)s", name=self.env.user.name)
    self.message_post(body=body, subtype_xmlid="mail.mt_note")
    self.message_post(body=Markup("<br/>").join([_("Checked"), self.name, "%s: %s" % (a, b)]))
    self.activity_schedule("school_base.mail_activity_check", summary=_lt("Check"), note=self.note)
    self.message_post_with_source("school_safety.message_hazard_closed", render_values={"x": 1})
    self.message_post(body=f"{self.name} — {_('closed')}")
    levels = dict(self._fields["level"]._description_selection(self.env))
    raise UserError(self.env._("Nothing to do: %s", self.name), levels[self.level])
'''
    assert untranslated_texts(good) == []


def test_texts_for_people_are_translatable():
    found = []
    for path in _python_files():
        for line, call, literal in untranslated_texts(path.read_text(encoding="utf-8"), str(path)):
            found.append(f"{path.relative_to(ADDONS_DIR)}:{line} {call}: {literal!r}")
    assert not found, "English text given to people without _():\n" + "\n".join(found)
