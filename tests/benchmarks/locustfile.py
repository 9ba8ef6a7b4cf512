"""Load test: the demo logins of many generated schools do their day at once, over JSON-RPC.

Run by ``tests/benchmarks/load_test.sh`` (which starts Odoo with 1, 4 and 8 workers on
loopback); by hand::

    LOAD_SCHOOLS=10 LOAD_RUN=r1 locust -f tests/benchmarks/locustfile.py --headless \
        -H http://127.0.0.1:8069 -u 40 -r 10 -t 60s

Each simulated person logs in as ``sNNN-<role>`` (password = login, as
``district_generate.py`` makes them) of one of ``LOAD_SCHOOLS`` schools, round robin:

- guards finish their patrols (all OK, done), check visitors in and out;
- staff report repairs and look at their reports;
- canteen staff look at the samples due and record a disinfection;
- directors open the open hazards, the hazard counts, the repair pivot and the today screen.

A JSON-RPC error is a failure. What the users sent is counted (``LOAD_OUT``, a JSON file
written when the run stops) so that the runner can count the records in the database
afterwards: nothing sent may be lost.
"""

import itertools
import json
import os
import threading

import gevent
import gevent.event
import requests
from locust import HttpUser, between, events, task

SCHOOLS = int(os.environ.get("LOAD_SCHOOLS", "10"))
RUN = os.environ.get("LOAD_RUN", "load")
DB = os.environ.get("LOAD_DB")
OUT = os.environ.get("LOAD_OUT", f"/tmp/{RUN}-sent.json")

_numbers = itertools.count()
_lock = threading.Lock()
_logged_in = [0]
_started = gevent.event.Event()
SENT = {"visitors": 0, "visitors_out": 0, "repairs": 0, "patrols": 0, "disinfections": 0}


def _count(key):
    with _lock:
        SENT[key] += 1


@events.test_stop.add_listener
def _write_sent(**_kwargs):
    with open(OUT, "w", encoding="utf-8") as handle:
        json.dump(SENT, handle)


class SchoolUser(HttpUser):
    abstract = True
    role = None
    wait_time = between(1, 3)

    def on_start(self):
        """Log in (not counted: Odoo's password hash costs about a second of CPU by design)."""
        self.number = next(_numbers)
        self.school = self.number % SCHOOLS + 1
        login = f"s{self.school:03d}-{self.role}"
        params = {"db": DB, "login": login, "password": login}
        session = requests.Session()
        result = None
        for attempt in range(10):  # a busy server resets connections beyond its backlog: retry
            try:
                response = session.post(f"{self.host}/web/session/authenticate",
                                        json={"jsonrpc": "2.0", "params": params}, timeout=600)
                result = response.json().get("result")
                break
            except requests.RequestException:
                gevent.sleep(1 + attempt)
        if not result or not result.get("uid"):
            events.request.fire(request_type="POST", name="login refused", response_time=0,
                                response_length=0, exception=RuntimeError(login), context={})
            self._arrive()
            self.stop()
            return
        self.client.cookies.update(session.cookies)
        self.uid = result["uid"]
        self.company = result["user_companies"]["current_company"]
        self.odoo_context = {"lang": "zh_CN", "tz": "Asia/Shanghai", "allowed_company_ids": [self.company]}
        self._arrive()
        _started.wait()

    def _arrive(self):
        """The day starts when everybody has logged in (or failed to): the statistics too."""
        with _lock:
            _logged_in[0] += 1
            if _logged_in[0] >= self.environment.runner.target_user_count:
                self.environment.runner.stats.reset_all()
                _started.set()

    def call(self, model, method, args=(), name=None, **kwargs):
        kwargs.setdefault("context", self.odoo_context)
        payload = {"jsonrpc": "2.0", "method": "call",
                   "params": {"model": model, "method": method, "args": list(args), "kwargs": kwargs}}
        # one connection a request (as after an idle browser tab): Odoo closes idle
        # keep-alive connections after 2 s, and a request sent on one just closed is lost
        with self.client.post(f"/web/dataset/call_kw/{model}/{method}", json=payload,
                              headers={"Connection": "close"},
                              name=name or f"{model}.{method}", catch_response=True) as response:
            try:
                body = response.json()
            except ValueError:
                response.failure(f"HTTP {response.status_code}, not JSON: {response.text[:80]!r}")
                return None
            if "error" in body:
                data = body["error"].get("data", {})
                response.failure(f"{data.get('name')}: {data.get('message')}")
                return None
            return body["result"]


    def create(self, model, values, name, key):
        """Create a record as the user; count it as sent when the server says it is saved."""
        record_id = self.call(model, "create", [values], name=name)
        if record_id:
            _count(key)
        return record_id


class Guard(SchoolUser):
    role = "guard"
    weight = 3

    @task(3)
    def patrols(self):
        result = self.call("school.inspection", "web_search_read", name="guard: today's patrols",
                           domain=[("inspector_user_id", "=", self.uid), ("state", "=", "draft")],
                           specification={"name": {}, "place_id": {"fields": {"display_name": {}}},
                                          "date_planned": {}, "state": {}},
                           limit=80, order="date_planned")
        if not result or not result["records"]:
            return
        ids = [record["id"] for record in result["records"]]
        others = self.call("school.inspection.line", "search_read", name="guard: open a patrol",
                           domain=[("inspection_id", "in", ids), ("item_type", "!=", "check")],
                           fields=["inspection_id"])
        blocked = {line["inspection_id"][0] for line in others or ()}
        todo = [i for i in ids if i not in blocked]
        if todo:
            # two guards of one school never take the same patrol: the second would be told
            # (rightly) that it is finished already
            inspection = todo[(self.number // SCHOOLS) % len(todo)]
            if self.call("school.inspection", "action_all_pass", [[inspection]], name="guard: all OK") is not None \
                    and self.call("school.inspection", "action_done", [[inspection]], name="guard: done") is not None:
                _count("patrols")

    @task(2)
    def visitor(self):
        visitor_id = self.create("school.safety.visitor", {
            "visitor_name": f"{RUN}访客", "purpose": "送货", "organisation": "供货商",
        }, "guard: check a visitor in", "visitors")
        if visitor_id:
            if self.call("school.safety.visitor", "action_check_out", [[visitor_id]],
                         name="guard: check a visitor out") is not None:
                _count("visitors_out")


class Staff(SchoolUser):
    role = "staff"
    weight = 3

    @task(1)
    def report_repair(self):
        places = self.call("school.place", "search", [[("kind", "=", "classroom")]], limit=5,
                           name="staff: pick a place")
        self.create("maintenance.request", {
            "name": f"{RUN} 教室灯不亮", "school_place_id": places[0] if places else False,
        }, "staff: report a repair", "repairs")

    @task(2)
    def my_repairs(self):
        self.call("maintenance.request", "web_search_read", name="staff: my repair reports",
                  domain=[("reporter_user_id", "=", self.uid)],
                  specification={"name": {}, "stage_id": {"fields": {"display_name": {}}}, "date_reported": {}},
                  limit=80)


class Canteen(SchoolUser):
    role = "canteen"
    weight = 1

    @task(2)
    def samples_due(self):
        self.call("school.canteen.sample", "web_search_read", name="canteen: samples due",
                  domain=[("is_discard_due", "=", True)],
                  specification={"dish_id": {"fields": {"display_name": {}}}, "discard_due_datetime": {}},
                  limit=80)

    @task(1)
    def disinfection(self):
        operator = self.call("hr.employee", "search", [[]], limit=1, name="canteen: pick the operator")
        if operator:
            self.create("school.canteen.disinfection", {
                "operator_employee_id": operator[0], "method": "cabinet", "temperature": 125,
                "duration_minutes": 30, "note": RUN,
            }, "canteen: record a disinfection", "disinfections")


class Director(SchoolUser):
    role = "manager"
    weight = 1

    @task(2)
    def open_hazards(self):
        self.call("school.safety.hazard", "web_search_read", name="director: open hazards",
                  domain=[("state", "in", ["reported", "assigned", "rectifying", "recheck"])],
                  specification={"name": {}, "place_id": {"fields": {"display_name": {}}}, "state": {},
                                 "date_deadline": {}}, limit=80)
        self.call("school.safety.hazard", "web_read_group", name="director: hazard counts",
                  domain=[], fields=["state"], groupby=["state"], lazy=True)

    @task(1)
    def repair_pivot(self):
        self.call("maintenance.request", "read_group", name="director: repair pivot",
                  domain=[("maintenance_type", "=", "corrective")], fields=["__count"],
                  groupby=["school_place_id", "date_reported:month"], lazy=False)

    @task(1)
    def today(self):
        self.call("school.today.card", "search_read", name="director: today screen",
                  domain=[("can_read", "=", True)], fields=["name", "count"])
