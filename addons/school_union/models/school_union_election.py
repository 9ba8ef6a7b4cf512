import hashlib
import hmac
import secrets

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL
from odoo.tools.translate import LazyTranslate

from odoo.addons.school_base.models.school_workflow_mixin import workflow_action

_lt = LazyTranslate(__name__)

# Tables kept outside the ORM on purpose (see SchoolUnionElection's docstring): no model,
# field, view, access right or export can reach them.
KEY_TABLE = "school_union_election_vote_key"
RECEIPT_TABLE = "school_union_election_vote_receipt"
TALLY_TABLE = "school_union_election_tally"
RESULT_FIELDS = {"vote_count", "rank", "is_winner"}
OFFICER = "school_union.group_union_officer"
CHAIR = "school_union.group_union_chair"


class SchoolUnionElection(models.Model):
    """An election for an award (感动十佳教师 / 团队): nominations, a voting window, results.

    Secret ballot, by design rather than by hiding fields:

    * When voting opens, the **electoral roll** is drawn up: one ballot
      (``school.union.election.ballot``) per person, i.e. per login, of the school's
      active members, whatever the number of their membership records. A person votes
      by pressing *Vote* on a candidate, at most ``max_votes`` times per election and
      never twice for the same candidate, only inside the voting window, only while
      still an active member, and only with their ballot of the roll.
    * The only record that names the voter is the ballot: "this person has cast N
      votes". It has no link to any candidate.
    * The votes themselves are **anonymous tallies**: one counter per candidate in the
      table ``school_union_election_tally``, incremented by SQL without touching the
      candidate record (its ``write_uid`` / ``write_date`` do not move, nothing is
      tracked in the chatter).
    * "Never twice for one" is kept by a **keyed hash** per vote: HMAC-SHA256 of
      ``user id:candidate id`` with a random key drawn per election; the receipts
      (``school_union_election_vote_receipt``, unique) and the keys
      (``school_union_election_vote_key``) live in tables that have no Odoo model, so
      no field, view, access right, export or RPC call reads them; only the
      current user's own receipts are recomputed (``voted_by_me``).
    * The tallies are copied onto the candidates (``vote_count``, ``rank``,
      ``is_winner``) only when the election closes: after the announced end of the
      window, or earlier only through a recorded early close by the union chair, with
      a reason that every member receives. Until then the counts are not readable by
      anyone, administrators included, because they exist only in the SQL-only table.
    * Once voting opens, the window, the vote limit, the candidates and the roll are
      frozen (``school.lock.mixin``): the election never goes back to draft, and a
      vote in progress is stopped only by the chair, with a reason, like an early close.

    * When the election closes, its receipts and its key are deleted: from then on
      nothing in the database links a member to a candidate.

    While the vote is open, someone with direct access to the database server (not
    through Odoo) could still try every member against the receipts using the key;
    that is the limit of this design (see readme/ROADMAP.md).
    """

    _name = "school.union.election"
    _description = "Union Election"
    _lock_message = _lt(
        "%(name)s went to the vote: its window, vote "
        "limit, candidates and voters can no longer change."
    )
    _inherit = ["mail.thread", "mail.activity.mixin", "school.workflow.mixin", "school.lock.mixin"]
    _order = "vote_start desc, id desc"
    _check_company_auto = True
    _workflow_fields = (
        "date_voting_opened", "date_closed", "closed_by_user_id", "closed_early", "close_reason",
    )
    # the workflow fields (and state) still move on a frozen election, but only through its
    # actions (school.workflow.mixin); everything else is frozen once voting opens
    _lock_editable_fields = ("state",) + _workflow_fields

    name = fields.Char(required=True, tracking=True)
    award_kind = fields.Selection(
        [("teacher", "Teachers"), ("team", "Teams")], string="Award For", required=True,
        default="teacher", tracking=True,
    )
    description = fields.Html(help="What the award honours and how candidates are nominated.")
    nomination_deadline = fields.Date(tracking=True)
    vote_start = fields.Datetime(string="Voting Opens", required=True, tracking=True)
    vote_end = fields.Datetime(string="Voting Closes", required=True, tracking=True)
    max_votes = fields.Integer(
        string="Votes per Member", required=True, default=10, tracking=True,
        help="How many different candidates each member may vote for.",
    )
    winner_count = fields.Integer(string="Awards", required=True, default=10, tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("nomination", "Nominations"),
            ("voting", "Voting"),
            ("closed", "Closed"),
            ("cancel", "Cancelled"),
        ],
        required=True, default="draft", index=True, tracking=True, copy=False,
    )
    date_voting_opened = fields.Datetime(
        string="Roll Drawn Up On", readonly=True, copy=False, tracking=True,
        help="When voting was opened and the electoral roll frozen.",
    )
    date_closed = fields.Datetime(string="Closed On", readonly=True, copy=False, tracking=True)
    closed_by_user_id = fields.Many2one(
        "res.users", string="Closed By", readonly=True, copy=False, tracking=True
    )
    closed_early = fields.Boolean(
        string="Stopped Early", readonly=True, copy=False, tracking=True,
        help="The chair closed or cancelled the vote before the announced end.",
    )
    close_reason = fields.Text(
        string="Reason for Stopping Early", readonly=True, copy=False, tracking=True
    )
    candidate_ids = fields.One2many("school.union.election.candidate", "election_id", string="Candidates")
    candidate_count = fields.Integer(compute="_compute_candidate_count")
    ballot_ids = fields.One2many(
        "school.union.election.ballot", "election_id", string="Ballots",
        groups="school_union.group_union_officer",
    )
    voter_count = fields.Integer(
        string="Members Who Voted", compute="_compute_voter_count",
        groups="school_union.group_union_officer",
    )
    my_votes_cast = fields.Integer(string="My Votes", compute="_compute_my_votes")
    my_votes_left = fields.Integer(string="Votes Left", compute="_compute_my_votes")
    is_voting_open = fields.Boolean(compute="_compute_is_voting_open", string="Voting Now")
    results_visible = fields.Boolean(compute="_compute_results_visible")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        ("window_check", "CHECK(vote_start < vote_end)", "The voting window must close after it opens."),
        ("max_votes_check", "CHECK(max_votes > 0)", "Each member needs at least one vote."),
        ("winner_count_check", "CHECK(winner_count > 0)", "An election awards at least one candidate."),
    ]

    def init(self):
        self.env.cr.execute(SQL(
            """
            CREATE TABLE IF NOT EXISTS %(keys)s (
                election_id integer PRIMARY KEY REFERENCES %(elections)s(id) ON DELETE CASCADE,
                vote_key varchar NOT NULL
            );
            CREATE TABLE IF NOT EXISTS %(receipts)s (
                receipt varchar PRIMARY KEY,
                election_id integer NOT NULL REFERENCES school_union_election(id) ON DELETE CASCADE
            );
            """,
            keys=SQL.identifier(KEY_TABLE),
            receipts=SQL.identifier(RECEIPT_TABLE),
            elections=SQL.identifier(self._table),
        ))

    def _compute_candidate_count(self):
        for election in self:
            election.candidate_count = len(election.candidate_ids)

    def _compute_voter_count(self):
        counts = dict(
            self.env["school.union.election.ballot"]._read_group(
                [("election_id", "in", self.ids), ("votes_cast", ">", 0)], ["election_id"], ["__count"]
            )
        )
        for election in self:
            election.voter_count = counts.get(election, 0)

    @api.depends_context("uid")
    @api.depends("max_votes", "state", "ballot_ids.votes_cast")
    def _compute_my_votes(self):
        """The current user's votes, in two queries for any number of elections."""
        uid = self.env.uid
        # sudo: the current user's own ballots and memberships only
        ballots = self.env["school.union.election.ballot"].sudo().search_fetch(
            [("election_id", "in", self.ids), ("user_id", "=", uid)], ["election_id", "votes_cast"]
        )
        cast = {ballot.election_id.id: ballot.votes_cast for ballot in ballots}
        member_companies = set(
            self.env["school.union.member"].sudo().search_fetch(
                [("user_id", "=", uid), ("status", "=", "active"), ("company_id", "in", self.company_id.ids)],
                ["company_id"],
            ).company_id.ids
        )
        for election in self:
            votes_cast = cast.get(election.id, 0)
            may_vote = election.company_id.id in member_companies and (
                election.id in cast if election._roll_drawn_up() else True
            )
            election.my_votes_cast = votes_cast
            election.my_votes_left = max(election.max_votes - votes_cast, 0) if may_vote else 0

    def _compute_is_voting_open(self):
        now = fields.Datetime.now()
        for election in self:
            election.is_voting_open = (
                election.state == "voting" and election.vote_start <= now <= election.vote_end
            )

    @api.depends("state")
    def _compute_results_visible(self):
        for election in self:
            election.results_visible = election.state == "closed"

    @api.constrains("nomination_deadline", "vote_start")
    def _check_nomination_deadline(self):
        for election in self:
            if election.nomination_deadline and election.nomination_deadline > election.vote_start.date():
                raise ValidationError(
                    _("%(name)s: nominations must close before voting opens.", name=election.name)
                )

    def _roll_drawn_up(self):
        """Whether voting was opened (the roll, window, limit and candidates are frozen)."""
        self.ensure_one()
        return bool(self.date_voting_opened) or self.state in ("voting", "closed")

    def _is_locked(self):
        self.ensure_one()
        return self._roll_drawn_up()

    @api.ondelete(at_uninstall=False)
    def _unlink_except_voted(self):
        if any(election._roll_drawn_up() for election in self):
            raise UserError(_("An election that went to the vote stays on record; cancel it instead."))

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    @workflow_action
    def action_open_nomination(self):
        self._check_user_in(OFFICER, _("Only the union officers organise elections."))
        self._check_state(("draft",), _("opened for nominations"))
        self.write({"state": "nomination"})

    @workflow_action
    def action_open_voting(self):
        """Open the vote: the electoral roll is drawn up and the election is frozen."""
        self._check_user_in(OFFICER, _("Only the union officers organise elections."))
        self._check_state(("draft", "nomination"), _("opened for voting"))
        now = fields.Datetime.now()
        for election in self:
            if not election.candidate_ids.filtered(lambda c: c.state == "accepted"):
                raise UserError(_("%(name)s has no accepted candidate to vote for.", name=election.name))
            if election.vote_end <= now:
                raise UserError(
                    _(
                        "%(name)s: the voting window closes on %(end)s, which is already past; "
                        "set a window in the future before opening the vote.",
                        name=election.name, end=election._school_format_datetime(election.vote_end),
                    )
                )
        self.write({"state": "voting", "date_voting_opened": now})
        self._draw_up_roll()
        return True

    def _draw_up_roll(self):
        """One ballot per person (login) among the school's active members, frozen from now on."""
        Ballot = self.env["school.union.election.ballot"].sudo()
        # sudo: the roll covers every active member, whatever the officer may read
        members = self.env["school.union.member"].sudo().search(
            [("company_id", "in", self.company_id.ids), ("status", "=", "active"), ("user_id", "!=", False)],
            order="id",
        )
        vals_list = []
        for election in self:
            known = set(Ballot.search([("election_id", "=", election.id)]).user_id.ids)
            for member in members.filtered(lambda m, e=election: m.company_id == e.company_id):
                if member.user_id.id not in known:
                    known.add(member.user_id.id)
                    vals_list.append({
                        "election_id": election.id, "member_id": member.id, "user_id": member.user_id.id,
                    })
        Ballot.create(vals_list)

    @workflow_action
    def action_close(self):
        """Close the vote and publish the results: refused before the announced end."""
        self._check_user_in(OFFICER, _("Only the union officers close elections."))
        self._check_state(("voting",), _("closed"))
        now = fields.Datetime.now()
        for election in self:
            if now < election.vote_end:
                raise UserError(
                    _(
                        "%(name)s: voting is open until %(end)s; the results come out after that. "
                        "Only the union chair can close it early, with a reason sent to every member.",
                        name=election.name, end=election._school_format_datetime(election.vote_end),
                    )
                )
        self.write({"state": "closed", "date_closed": now, "closed_by_user_id": self.env.user.id})
        self._publish_results()
        return True

    def action_stop_early(self):
        """Open the chair's dialog to close or cancel a vote before its announced end."""
        self.ensure_one()
        self._check_user_in(CHAIR, _("Only the union chair can stop a vote before its announced end."))
        self._check_state(("voting",), _("stopped early"))
        return {
            "type": "ir.actions.act_window",
            "name": _("Stop the Vote Early"),
            "res_model": "school.union.election.stop",
            "view_mode": "form",
            "target": "new",
            "context": {"default_election_id": self.id, "default_mode": self.env.context.get("stop_mode", "close")},
        }

    def _check_stop_early(self, reason):
        self._check_user_in(CHAIR, _("Only the union chair can stop a vote before its announced end."))
        self._check_state(("voting",), _("stopped early"))
        if not (reason or "").strip():
            raise UserError(_("Give the reason for stopping the vote early: every member will read it."))

    @workflow_action
    def _close_early(self, reason):
        """The chair closes the vote before its end: recorded, with the reason sent to every member."""
        self._check_stop_early(reason)
        now = fields.Datetime.now()
        self.write({
            "state": "closed", "date_closed": now, "closed_by_user_id": self.env.user.id,
            "closed_early": True, "close_reason": reason.strip(),
        })
        self._publish_results()
        for election in self:
            election._notify_members(
                _(
                    "%(chair)s closed the vote of %(name)s early, before %(end)s. Reason: %(reason)s",
                    chair=self.env.user.name, name=election.name,
                    end=election._school_format_datetime(election.vote_end), reason=election.close_reason,
                )
            )
        return True

    @workflow_action
    def _cancel_voting(self, reason):
        """The chair cancels a vote in progress: no result, the votes are discarded, the reason
        is sent to every member; the election stays on record and cannot be reopened."""
        self._check_stop_early(reason)
        now = fields.Datetime.now()
        self.write({
            "state": "cancel", "date_closed": now, "closed_by_user_id": self.env.user.id,
            "closed_early": True, "close_reason": reason.strip(),
        })
        self._discard_votes()
        for election in self:
            election._notify_members(
                _(
                    "%(chair)s cancelled the vote of %(name)s; no result will be published. Reason: %(reason)s",
                    chair=self.env.user.name, name=election.name, reason=election.close_reason,
                )
            )
        return True

    def _notify_members(self, body):
        """Post ``body`` on the election and send it to every active member of the school."""
        self.ensure_one()
        # sudo: every member is told, whoever of them the chair may read in the directory
        members = self.env["school.union.member"].sudo().search(
            [("company_id", "=", self.company_id.id), ("status", "=", "active"), ("user_id", "!=", False)]
        )
        self.message_post(
            body=body, partner_ids=members.user_id.partner_id.ids,
            message_type="comment", subtype_xmlid="mail.mt_comment",
        )

    @workflow_action
    def action_cancel(self):
        """Cancel an election before it goes to the vote (a vote in progress: the chair, early)."""
        self._check_user_in(OFFICER, _("Only the union officers organise elections."))
        for election in self:
            if election.state == "voting":
                raise UserError(
                    _(
                        "%(name)s is being voted on: only the union chair can stop it, with a reason "
                        "sent to every member.",
                        name=election.name,
                    )
                )
        self._check_state(("draft", "nomination"), _("cancelled"))
        self.write({"state": "cancel"})

    @workflow_action
    def action_draft(self):
        self._check_user_in(OFFICER, _("Only the union officers organise elections."))
        self._check_state(("cancel",), _("reset to draft"))
        for election in self:
            if election._roll_drawn_up():
                raise UserError(
                    _(
                        "%(name)s went to the vote: it cannot be reopened. Create a new election.",
                        name=election.name,
                    )
                )
        self.write({"state": "draft"})

    @api.model
    def _cron_close_elections(self, batch_size=100):
        """Close the elections whose voting window is over (batched; a closed election is not
        found again)."""
        domain = [("state", "=", "voting"), ("vote_end", "<=", fields.Datetime.now())]
        ended = self.search(domain, limit=batch_size, order="vote_end, id")
        ended.action_close()
        remaining = self.search_count(domain) if len(ended) == batch_size else 0
        self.env["ir.cron"]._notify_progress(done=len(ended), remaining=remaining)
        return ended

    def _publish_results(self):
        """Copy the anonymous tallies onto the candidates, ranked (competition ranking)."""
        candidates = self.candidate_ids.filtered(lambda c: c.state == "accepted")
        tallies = candidates._read_tallies()
        for election in self:
            mine = candidates.filtered(lambda c, e=election: c.election_id == e)
            ordered = sorted((tallies.get(c.id, 0) for c in mine), reverse=True)
            for candidate in mine:
                votes = tallies.get(candidate.id, 0)
                rank = ordered.index(votes) + 1
                # sudo: results are written by the system once, never by a user (see write)
                candidate.sudo().write({
                    "vote_count": votes,
                    "rank": rank,
                    "is_winner": bool(votes) and rank <= election.winner_count,
                })
        self._forget_voters()

    def _discard_votes(self):
        """A cancelled vote leaves no count behind: tallies, receipts and key are dropped."""
        if not self.ids:
            return
        self.env.execute_query(SQL(
            "DELETE FROM %s WHERE candidate_id IN (SELECT id FROM school_union_election_candidate "
            "WHERE election_id = ANY(%s))",
            SQL.identifier(TALLY_TABLE), self.ids,
        ))
        self._forget_voters()

    def _forget_voters(self):
        """Drop the receipts and keys of closed elections: they only served to refuse a
        second vote for the same candidate. Once gone, nothing left in the database can
        tell for whom a member voted, not even to someone reading the tables directly."""
        if not self.ids:
            return
        for table in (RECEIPT_TABLE, KEY_TABLE):
            self.env.execute_query(
                SQL("DELETE FROM %s WHERE election_id = ANY(%s)", SQL.identifier(table), self.ids)
            )

    # ------------------------------------------------------------------
    # Secret ballot
    # ------------------------------------------------------------------
    def _get_ballot(self, user):
        """The ballot of ``user`` (a person, whatever their memberships) on the roll."""
        self.ensure_one()
        # sudo: ballots are written by the voting code only
        return self.env["school.union.election.ballot"].sudo().search(
            [("election_id", "=", self.id), ("user_id", "=", user.id)], limit=1
        )

    def _get_vote_key(self, create=False):
        """The election's random HMAC key (SQL only); None when nobody voted yet."""
        self.ensure_one()
        if create:
            self.env.execute_query(SQL(
                "INSERT INTO %s (election_id, vote_key) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                SQL.identifier(KEY_TABLE), self.id, secrets.token_hex(32),
            ))
        return self._get_vote_keys().get(self.id)

    def _get_vote_keys(self):
        """{election id: HMAC key} of the elections in one query."""
        if not self.ids:
            return {}
        return dict(self.env.execute_query(SQL(
            "SELECT election_id, vote_key FROM %s WHERE election_id = ANY(%s)",
            SQL.identifier(KEY_TABLE), self.ids,
        )))

    @api.model
    def _vote_receipt(self, key, user, candidate):
        message = f"{user.id}:{candidate.id}".encode()
        return hmac.new(key.encode(), message, hashlib.sha256).hexdigest()

    def _cast_vote(self, user, candidate):
        """Record one vote of ``user`` for ``candidate``: ballot counter, receipt, tally."""
        self.ensure_one()
        ballot = self._get_ballot(user)
        if not ballot:
            raise UserError(
                _(
                    "You are not on the electoral roll of %(name)s: it was drawn up when voting opened, "
                    "from the members of the school at that time.",
                    name=self.name,
                )
            )
        # lock the voter's ballot so that two votes sent at once cannot pass the limit
        ballot.flush_recordset(["votes_cast"])
        votes_cast = self.env.execute_query(SQL(
            "SELECT COALESCE(votes_cast, 0) FROM school_union_election_ballot WHERE id = %s FOR UPDATE",
            ballot.id,
        ))[0][0]
        ballot.invalidate_recordset(["votes_cast"])
        if votes_cast >= self.max_votes:
            raise UserError(
                _("You have used all %(count)s of your votes in %(name)s.", count=self.max_votes, name=self.name)
            )
        receipt = self._vote_receipt(self._get_vote_key(create=True), user, candidate)
        if not self.env.execute_query(SQL(
            "INSERT INTO %s (receipt, election_id) VALUES (%s, %s) ON CONFLICT DO NOTHING RETURNING receipt",
            SQL.identifier(RECEIPT_TABLE), receipt, self.id,
        )):
            raise UserError(
                _("You have already voted for %(candidate)s in %(name)s.", candidate=candidate.name, name=self.name)
            )
        self.env.execute_query(SQL(
            "INSERT INTO %(tally)s (candidate_id, votes) VALUES (%(candidate)s, 1) "
            "ON CONFLICT (candidate_id) DO UPDATE SET votes = %(tally)s.votes + 1",
            tally=SQL.identifier(TALLY_TABLE), candidate=candidate.id,
        ))
        ballot.write({"votes_cast": votes_cast + 1})


class SchoolUnionElectionCandidate(models.Model):
    """A nominee (a teacher or a team) of an election. Results appear once it closes.

    A candidate is a line of its election: once voting opens it can be neither
    changed, removed, nor moved into or out of the election (``_lock_parent_field``).
    """

    _name = "school.union.election.candidate"
    _description = "Election Candidate"
    _inherit = ["mail.thread", "school.workflow.mixin", "school.lock.mixin"]
    _order = "election_id, rank, name, id"
    _check_company_auto = True
    _workflow_fields = ("nominated_by_user_id", "vote_count", "rank", "is_winner")
    _lock_parent_field = "election_id"

    election_id = fields.Many2one(
        "school.union.election", required=True, ondelete="cascade", index=True, check_company=True
    )
    award_kind = fields.Selection(related="election_id.award_kind")
    election_state = fields.Selection(related="election_id.state", string="Election Status")
    employee_id = fields.Many2one(
        "hr.employee", string="Teacher", check_company=True, tracking=True,
        help="The teacher nominated (for a teacher award).",
    )
    team_name = fields.Char(string="Team", tracking=True, help="The team nominated (for a team award).")
    team_member_ids = fields.Many2many(
        "hr.employee", "school_union_candidate_employee_rel", "candidate_id", "employee_id",
        string="Team Members", check_company=True,
    )
    name = fields.Char(compute="_compute_name", store=True, index="trigram")
    image_128 = fields.Image(related="employee_id.image_128")
    department_id = fields.Many2one(related="employee_id.department_id")
    citation = fields.Text(string="Deeds", help="Why the candidate is nominated (事迹).")
    nominated_by_user_id = fields.Many2one(
        "res.users", string="Nominated By", default=lambda self: self.env.user, readonly=True
    )
    state = fields.Selection(
        [("proposed", "Proposed"), ("accepted", "On the Ballot"), ("rejected", "Not Retained")],
        required=True, default="proposed", tracking=True,
    )
    vote_count = fields.Integer(string="Votes", readonly=True, copy=False,
                                help="Published when the election closes.")
    rank = fields.Integer(readonly=True, copy=False)
    is_winner = fields.Boolean(string="Awarded", readonly=True, copy=False)
    voted_by_me = fields.Boolean(compute="_compute_voted_by_me", string="My Vote")
    company_id = fields.Many2one(
        "res.company", related="election_id.company_id", store=True, index=True
    )

    _sql_constraints = [
        ("employee_unique", "UNIQUE(election_id, employee_id)", "This teacher is already nominated."),
    ]

    def init(self):
        self.env.cr.execute(SQL(
            """
            CREATE TABLE IF NOT EXISTS %s (
                candidate_id integer PRIMARY KEY
                    REFERENCES school_union_election_candidate(id) ON DELETE CASCADE,
                votes integer NOT NULL DEFAULT 0
            )
            """,
            SQL.identifier(TALLY_TABLE),
        ))

    @api.depends("employee_id", "team_name")
    def _compute_name(self):
        for candidate in self:
            candidate.name = candidate.team_name or candidate.employee_id.name or ""

    @api.depends_context("uid")
    def _compute_voted_by_me(self):
        """Whether the current user voted for the candidate (their own receipts only), in one
        query for the keys and one for the receipts, whatever the number of elections."""
        self.voted_by_me = False
        keys = self.election_id._get_vote_keys()
        receipts = {
            self.env["school.union.election"]._vote_receipt(keys[candidate.election_id.id], self.env.user, candidate):
                candidate
            for candidate in self
            if candidate.id and candidate.election_id.id in keys
        }
        if not receipts:
            return
        for (receipt,) in self.env.execute_query(SQL(
            "SELECT receipt FROM %s WHERE receipt = ANY(%s)", SQL.identifier(RECEIPT_TABLE), list(receipts)
        )):
            receipts[receipt].voted_by_me = True

    @api.constrains("employee_id", "team_name")
    def _check_nominee(self):
        for candidate in self:
            if not candidate.employee_id and not candidate.team_name:
                raise ValidationError(_("Name the teacher or the team nominated."))

    @api.model_create_multi
    def create(self, vals_list):
        elections = self.env["school.union.election"].browse(
            [vals["election_id"] for vals in vals_list if vals.get("election_id")]
        )
        for vals in vals_list:
            if RESULT_FIELDS & set(vals) and not self.env.su:
                raise UserError(_("Election results are counted by the system, not entered."))
        for election in elections.exists():
            if election.state not in ("draft", "nomination") and not self.env.su:
                raise UserError(_("Nominations for %(name)s are closed.", name=election.name))
        return super().create(vals_list)

    def write(self, vals):
        if RESULT_FIELDS & set(vals) and not self.env.su:
            raise UserError(_("Election results are counted by the system, not entered."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_voting(self):
        if any(c.election_id._roll_drawn_up() for c in self):
            raise UserError(_("Candidates cannot be removed once voting has started."))

    def _check_ballot_step(self):
        self._check_user_in(OFFICER, _("Only the union officers decide who is on the ballot."))
        for candidate in self:
            if candidate.election_id.state not in ("draft", "nomination"):
                raise UserError(
                    _("The ballot of %(name)s is closed.", name=candidate.election_id.name)
                )

    @workflow_action
    def action_accept(self):
        self._check_ballot_step()
        self._check_state(("proposed", "rejected"), _("put on the ballot"))
        self.write({"state": "accepted"})

    @workflow_action
    def action_reject(self):
        self._check_ballot_step()
        self._check_state(("proposed", "accepted"), _("left off the ballot"))
        self.write({"state": "rejected"})

    def action_vote(self):
        """The current user, an active member on the electoral roll, votes for this candidate."""
        self.ensure_one()
        election = self.election_id
        now = fields.Datetime.now()
        if election.state != "voting" or not election.vote_start <= now <= election.vote_end:
            raise UserError(
                _(
                    "Voting in %(name)s is open from %(start)s to %(end)s only.",
                    name=election.name,
                    start=election._school_format_datetime(election.vote_start),
                    end=election._school_format_datetime(election.vote_end),
                )
            )
        if self.state != "accepted":
            raise UserError(_("%(candidate)s is not on the ballot.", candidate=self.name))
        member = self.env["school.union.member"]._get_for_user(company=election.company_id)
        if not member:
            raise UserError(
                _("Only active union members of %(school)s can vote.", school=election.company_id.name)
            )
        election._cast_vote(self.env.user, self)
        return True

    def _read_tallies(self):
        """{candidate id: votes} from the anonymous tallies (used when the election closes)."""
        if not self.ids:
            return {}
        return dict(self.env.execute_query(SQL(
            "SELECT candidate_id, votes FROM %s WHERE candidate_id = ANY(%s)",
            SQL.identifier(TALLY_TABLE), self.ids,
        )))


class SchoolUnionElectionBallot(models.Model):
    """A person's ballot on the electoral roll: that they voted and how many votes they
    used, never for whom. One per login and election, whatever their memberships;
    drawn up by the system when voting opens, never by hand."""

    _name = "school.union.election.ballot"
    _description = "Election Ballot"
    _order = "election_id, id"
    _check_company_auto = True

    election_id = fields.Many2one(
        "school.union.election", required=True, ondelete="cascade", index=True, check_company=True
    )
    member_id = fields.Many2one(
        "school.union.member", required=True, index=True, check_company=True, ondelete="restrict",
        help="The membership through which the person was put on the roll.",
    )
    user_id = fields.Many2one(
        "res.users", string="Voter", required=True, index=True, ondelete="restrict",
        help="The person who votes: one ballot per login and election.",
    )
    votes_cast = fields.Integer(string="Votes Used", readonly=True, default=0)
    company_id = fields.Many2one(
        "res.company", related="election_id.company_id", store=True, index=True
    )

    _sql_constraints = [
        ("user_unique", "UNIQUE(election_id, user_id)", "A person has one ballot per election."),
    ]
