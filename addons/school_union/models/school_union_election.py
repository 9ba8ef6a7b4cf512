import hashlib
import hmac
import secrets

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

# Tables kept outside the ORM on purpose (see SchoolUnionElection's docstring): no model,
# field, view, access right or export can reach them.
KEY_TABLE = "school_union_election_vote_key"
RECEIPT_TABLE = "school_union_election_vote_receipt"
TALLY_TABLE = "school_union_election_tally"
RESULT_FIELDS = {"vote_count", "rank", "is_winner"}


class SchoolUnionElection(models.Model):
    """An election for an award (感动十佳教师 / 团队): nominations, a voting window, results.

    Secret ballot, by design rather than by hiding fields:

    * A member votes by pressing *Vote* on a candidate, at most ``max_votes`` times per
      election and never twice for the same candidate, only inside the voting window.
    * The only record that names the voter is the **ballot**
      (``school.union.election.ballot``): "this member has cast N votes". It has no
      link to any candidate.
    * The votes themselves are **anonymous tallies**: one counter per candidate in the
      table ``school_union_election_tally``, incremented by SQL without touching the
      candidate record (its ``write_uid`` / ``write_date`` do not move, nothing is
      tracked in the chatter).
    * "Never twice for one" is kept by a **keyed hash** per vote: HMAC-SHA256 of
      ``member id:candidate id`` with a random key drawn per election; the receipts
      (``school_union_election_vote_receipt``, unique) and the keys
      (``school_union_election_vote_key``) live in tables that have no Odoo model, so
      no field, view, access right, export or RPC call reads them; only the
      current user's own receipts are recomputed (``voted_by_me``).
    * The tallies are copied onto the candidates (``vote_count``, ``rank``,
      ``is_winner``) only when the election closes, which is refused before the end
      of the window: until then the counts are not readable by anyone, administrators
      included, because they exist only in the SQL-only table.

    * When the election closes, its receipts and its key are deleted: from then on
      nothing in the database links a member to a candidate.

    While the vote is open, someone with direct access to the database server (not
    through Odoo) could still try every member against the receipts using the key;
    that is the limit of this design (see readme/ROADMAP.md).
    """

    _name = "school.union.election"
    _description = "Union Election"
    _inherit = ["mail.thread", "mail.activity.mixin", "school.lock.mixin"]
    _order = "vote_start desc, id desc"
    _check_company_auto = True

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
                election_id integer NOT NULL REFERENCES %(elections)s(id) ON DELETE CASCADE
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
    @api.depends("max_votes", "ballot_ids.votes_cast")
    def _compute_my_votes(self):
        for election in self:
            member = self.env["school.union.member"]._get_for_user(company=election.company_id)
            # sudo: reads the current user's own ballot only
            ballot = election._get_ballot(member) if member else False
            election.my_votes_cast = ballot.votes_cast if ballot else 0
            election.my_votes_left = max(election.max_votes - election.my_votes_cast, 0) if member else 0

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

    def _is_locked(self):
        self.ensure_one()
        return self.state == "closed"

    @api.ondelete(at_uninstall=False)
    def _unlink_except_voted(self):
        if any(election.state in ("voting", "closed") for election in self):
            raise UserError(_("An election that went to the vote stays on record; cancel it instead."))

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def _check_state(self, allowed):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for election in self:
            if election.state not in allowed:
                raise UserError(
                    _("%(name)s is %(state)s: this step is not possible now.",
                      name=election.name, state=labels[election.state])
                )

    def action_open_nomination(self):
        self._check_state(("draft",))
        self.write({"state": "nomination"})

    def action_open_voting(self):
        self._check_state(("draft", "nomination"))
        for election in self:
            if not election.candidate_ids.filtered(lambda c: c.state == "accepted"):
                raise UserError(_("%(name)s has no accepted candidate to vote for.", name=election.name))
        self.write({"state": "voting"})

    def action_close(self):
        """Close the vote and publish the results: refused before the window closes."""
        self._check_state(("voting",))
        now = fields.Datetime.now()
        for election in self:
            if now < election.vote_end:
                raise UserError(
                    _(
                        "%(name)s: voting is open until %(end)s; the results come out after that.",
                        name=election.name,
                        end=fields.Datetime.context_timestamp(election, election.vote_end).strftime("%Y-%m-%d %H:%M"),
                    )
                )
        self.write({"state": "closed"})
        self._publish_results()

    def action_cancel(self):
        self._check_state(("draft", "nomination", "voting"))
        self.write({"state": "cancel"})

    def action_draft(self):
        self._check_state(("cancel",))
        self.write({"state": "draft"})

    @api.model
    def _cron_close_elections(self):
        """Close the elections whose voting window is over."""
        ended = self.search(
            [("state", "=", "voting"), ("vote_end", "<=", fields.Datetime.now())], limit=100
        )
        ended.action_close()

    def _publish_results(self):
        """Copy the anonymous tallies onto the candidates, ranked (competition ranking)."""
        for election in self:
            candidates = election.candidate_ids.filtered(lambda c: c.state == "accepted")
            tallies = candidates._read_tallies()
            ordered = sorted(tallies.get(c.id, 0) for c in candidates)[::-1]
            for candidate in candidates:
                votes = tallies.get(candidate.id, 0)
                rank = ordered.index(votes) + 1
                # sudo: results are written by the system once, never by a user (see write)
                candidate.sudo().write({
                    "vote_count": votes,
                    "rank": rank,
                    "is_winner": bool(votes) and rank <= election.winner_count,
                })
        self._forget_voters()

    def _forget_voters(self):
        """Drop the receipts and keys of closed elections: they only served to refuse a
        second vote for the same candidate. Once gone, nothing left in the database can
        tell for whom a member voted, not even to someone reading the tables directly."""
        if not self.ids:
            return
        for table in (RECEIPT_TABLE, KEY_TABLE):
            self.env.cr.execute(SQL(
                "DELETE FROM %s WHERE election_id IN %s", SQL.identifier(table), tuple(self.ids)
            ))

    # ------------------------------------------------------------------
    # Secret ballot
    # ------------------------------------------------------------------
    def _get_ballot(self, member):
        self.ensure_one()
        # sudo: ballots are written by the voting code only
        return self.env["school.union.election.ballot"].sudo().search(
            [("election_id", "=", self.id), ("member_id", "=", member.id)], limit=1
        )

    def _get_vote_key(self, create=False):
        """The election's random HMAC key (SQL only); None when nobody voted yet."""
        self.ensure_one()
        cr = self.env.cr
        if create:
            cr.execute(SQL(
                "INSERT INTO %s (election_id, vote_key) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                SQL.identifier(KEY_TABLE), self.id, secrets.token_hex(32),
            ))
        cr.execute(SQL("SELECT vote_key FROM %s WHERE election_id = %s", SQL.identifier(KEY_TABLE), self.id))
        row = cr.fetchone()
        return row[0] if row else None

    @api.model
    def _vote_receipt(self, key, member, candidate):
        message = f"{member.id}:{candidate.id}".encode()
        return hmac.new(key.encode(), message, hashlib.sha256).hexdigest()

    def _cast_vote(self, member, candidate):
        """Record one vote of ``member`` for ``candidate``: ballot counter, receipt, tally."""
        self.ensure_one()
        cr = self.env.cr
        Ballot = self.env["school.union.election.ballot"].sudo()
        ballot = self._get_ballot(member) or Ballot.create(
            {"election_id": self.id, "member_id": member.id}
        )
        ballot.flush_recordset()
        # lock the voter's ballot so that two votes sent at once cannot pass the limit
        cr.execute(SQL(
            "SELECT COALESCE(%s, 0) FROM %s WHERE id = %s FOR UPDATE",
            SQL.identifier("votes_cast"), SQL.identifier(Ballot._table), ballot.id,
        ))
        votes_cast = cr.fetchone()[0]
        ballot.invalidate_recordset(["votes_cast"])
        if votes_cast >= self.max_votes:
            raise UserError(
                _("You have used all %(count)s of your votes in %(name)s.", count=self.max_votes, name=self.name)
            )
        receipt = self._vote_receipt(self._get_vote_key(create=True), member, candidate)
        cr.execute(SQL(
            "INSERT INTO %s (receipt, election_id) VALUES (%s, %s) ON CONFLICT DO NOTHING RETURNING receipt",
            SQL.identifier(RECEIPT_TABLE), receipt, self.id,
        ))
        if not cr.fetchone():
            raise UserError(
                _("You have already voted for %(candidate)s in %(name)s.", candidate=candidate.name, name=self.name)
            )
        cr.execute(SQL(
            "INSERT INTO %(tally)s (candidate_id, votes) VALUES (%(candidate)s, 1) "
            "ON CONFLICT (candidate_id) DO UPDATE SET votes = %(tally)s.votes + 1",
            tally=SQL.identifier(TALLY_TABLE), candidate=candidate.id,
        ))
        ballot.write({"votes_cast": votes_cast + 1})


class SchoolUnionElectionCandidate(models.Model):
    """A nominee (a teacher or a team) of an election. Results appear once it closes."""

    _name = "school.union.election.candidate"
    _description = "Election Candidate"
    _inherit = ["mail.thread", "school.lock.mixin"]
    _order = "election_id, rank, name, id"
    _check_company_auto = True

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
                    REFERENCES %s(id) ON DELETE CASCADE,
                votes integer NOT NULL DEFAULT 0
            )
            """,
            SQL.identifier(TALLY_TABLE), SQL.identifier(self._table),
        ))

    @api.depends("employee_id", "team_name")
    def _compute_name(self):
        for candidate in self:
            candidate.name = candidate.team_name or candidate.employee_id.name or ""

    @api.depends_context("uid")
    def _compute_voted_by_me(self):
        """Whether the current user voted for the candidate (their own receipts only)."""
        self.voted_by_me = False
        Member = self.env["school.union.member"]
        for election in self.election_id:
            member = Member._get_for_user(company=election.company_id)
            key = member and election._get_vote_key()
            if not key:
                continue
            candidates = self.filtered(lambda c, e=election: c.election_id == e and c.id)
            receipts = {election._vote_receipt(key, member, c): c for c in candidates}
            if not receipts:
                continue
            self.env.cr.execute(SQL(
                "SELECT receipt FROM %s WHERE receipt IN %s", SQL.identifier(RECEIPT_TABLE), tuple(receipts)
            ))
            for (receipt,) in self.env.cr.fetchall():
                receipts[receipt].voted_by_me = True

    @api.constrains("employee_id", "team_name")
    def _check_nominee(self):
        for candidate in self:
            if not candidate.employee_id and not candidate.team_name:
                raise ValidationError(_("Name the teacher or the team nominated."))

    def _is_locked(self):
        self.ensure_one()
        return self.election_id.state in ("voting", "closed") and not self.env.su

    @api.model_create_multi
    def create(self, vals_list):
        is_officer = self.env.su or self.env.user.has_group("school_union.group_union_officer")
        for vals in vals_list:
            if RESULT_FIELDS & set(vals) and not self.env.su:
                raise UserError(_("Election results are counted by the system, not entered."))
            if not is_officer:
                # a member proposes; the union officers put candidates on the ballot
                vals["state"] = "proposed"
                vals.pop("nominated_by_user_id", None)
        candidates = super().create(vals_list)
        for candidate in candidates:
            if candidate.election_id.state not in ("draft", "nomination"):
                raise UserError(
                    _("Nominations for %(name)s are closed.", name=candidate.election_id.name)
                )
        return candidates

    def write(self, vals):
        if RESULT_FIELDS & set(vals) and not self.env.su:
            raise UserError(_("Election results are counted by the system, not entered."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_voting(self):
        if any(c.election_id.state in ("voting", "closed") for c in self):
            raise UserError(_("Candidates cannot be removed once voting has started."))

    def action_accept(self):
        self.write({"state": "accepted"})

    def action_reject(self):
        self.write({"state": "rejected"})

    def action_vote(self):
        """The current user, an active member, votes for this candidate."""
        self.ensure_one()
        election = self.election_id
        now = fields.Datetime.now()
        if election.state != "voting" or not election.vote_start <= now <= election.vote_end:
            tz_ts = fields.Datetime.context_timestamp
            raise UserError(
                _(
                    "Voting in %(name)s is open from %(start)s to %(end)s only.",
                    name=election.name,
                    start=tz_ts(election, election.vote_start).strftime("%Y-%m-%d %H:%M"),
                    end=tz_ts(election, election.vote_end).strftime("%Y-%m-%d %H:%M"),
                )
            )
        if self.state != "accepted":
            raise UserError(_("%(candidate)s is not on the ballot.", candidate=self.name))
        member = self.env["school.union.member"]._get_for_user(company=election.company_id)
        if not member:
            raise UserError(
                _("Only active union members of %(school)s can vote.", school=election.company_id.name)
            )
        election._cast_vote(member, self)
        return True

    def _read_tallies(self):
        """{candidate id: votes} from the anonymous tallies (used when the election closes)."""
        if not self.ids:
            return {}
        self.env.cr.execute(SQL(
            "SELECT candidate_id, votes FROM %s WHERE candidate_id IN %s", SQL.identifier(TALLY_TABLE), tuple(self.ids)
        ))
        return dict(self.env.cr.fetchall())


class SchoolUnionElectionBallot(models.Model):
    """A member's ballot: that they voted and how many votes they used, never for whom."""

    _name = "school.union.election.ballot"
    _description = "Election Ballot"
    _order = "election_id, id"
    _check_company_auto = True

    election_id = fields.Many2one(
        "school.union.election", required=True, ondelete="cascade", index=True, check_company=True
    )
    member_id = fields.Many2one(
        "school.union.member", required=True, index=True, check_company=True, ondelete="restrict"
    )
    user_id = fields.Many2one(related="member_id.user_id", store=True, string="User")
    votes_cast = fields.Integer(string="Votes Used", readonly=True, default=0)
    company_id = fields.Many2one(
        "res.company", related="election_id.company_id", store=True, index=True
    )

    _sql_constraints = [
        ("member_unique", "UNIQUE(election_id, member_id)", "A member has one ballot per election."),
    ]
