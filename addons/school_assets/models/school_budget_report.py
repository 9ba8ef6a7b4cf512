from odoo import fields, models

from .school_budget import BUDGET_CATEGORIES

SOURCES = [
    ("budget", "Budget"),
    ("purchase_request", "Purchase Request"),
    ("purchase_order", "Purchase Order"),
    ("requisition", "Requisition"),
    ("repair", "Repair"),
    ("project", "Project"),
    ("printing", "Printing"),
]


class SchoolBudgetReport(models.Model):
    """Budget figures as rows in the database: each line's budget, and what every document
    commits and spends on it, dated, so that a pivot by department, line and month works.

    The rows follow the same rules as the lines' own figures (``_get_budget_consumption`` of
    purchase requests, orders, requisitions and repairs), in SQL; the budget itself is dated
    on the first day of its year.
    """

    _name = "school.budget.report"
    _description = "Budget Analysis"
    _auto = False
    _order = "date desc, id"
    _rec_name = "document"
    # what the query reads: written values are flushed before it runs
    _depends = {
        "school.budget": ["year", "active", "name"],
        "school.budget.line": ["amount", "category", "budget_id", "company_id", "department_id", "year"],
        "purchase.request": ["date_start", "budget_line_id", "state", "name"],
        "purchase.request.line": ["estimated_cost", "cancelled", "request_id", "purchase_lines"],
        "purchase.order": ["date_order", "budget_line_id", "state", "name", "currency_rate"],
        "purchase.order.line": [
            "price_subtotal", "qty_received", "qty_invoiced", "product_qty", "display_type", "order_id",
        ],
        "school.stock.requisition": ["date", "budget_line_id", "state", "name", "amount"],
        "maintenance.request": ["date_settled", "date_reported", "budget_line_id", "is_settled", "cost_total", "name"],
        "school.project": [
            "date_decided", "date_settled", "budget_line_id", "state", "name", "budget_amount", "contract_amount",
            "settlement_amount",
        ],
        "school.print.request": [
            "date", "date_done", "budget_line_id", "state", "name", "sheets", "amount", "colour", "company_id",
        ],
        "res.company": ["school_print_price_mono", "school_print_price_colour"],
    }

    date = fields.Date(readonly=True)
    year = fields.Integer(readonly=True, aggregator=None)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    department_id = fields.Many2one("hr.department", readonly=True)
    budget_line_id = fields.Many2one("school.budget.line", readonly=True)
    category = fields.Selection(BUDGET_CATEGORIES, readonly=True)
    source = fields.Selection(SOURCES, readonly=True)
    document = fields.Char(readonly=True)
    budget_amount = fields.Monetary(string="Budget", readonly=True)
    committed_amount = fields.Monetary(string="Committed", readonly=True)
    spent_amount = fields.Monetary(string="Spent", readonly=True)
    remaining_amount = fields.Monetary(string="Remaining", readonly=True)

    def _select_documents(self):
        """One SELECT per consumer: (date, budget line, source, document, committed, spent)."""
        return [
            # approved requests commit what no confirmed order has taken over yet
            """
            SELECT pr.date_start AS date, pr.budget_line_id, 'purchase_request' AS source, pr.name AS document,
                   SUM(prl.estimated_cost) AS committed, 0.0 AS spent
              FROM purchase_request pr
              JOIN purchase_request_line prl ON prl.request_id = pr.id
             WHERE pr.state IN ('approved', 'in_progress') AND pr.budget_line_id IS NOT NULL
               AND NOT COALESCE(prl.cancelled, FALSE)
               AND NOT EXISTS (
                   SELECT 1 FROM purchase_request_purchase_order_line_rel rel
                     JOIN purchase_order_line pol ON pol.id = rel.purchase_order_line_id
                     JOIN purchase_order po ON po.id = pol.order_id
                    WHERE rel.purchase_request_line_id = prl.id AND po.state IN ('purchase', 'done'))
             GROUP BY pr.id
            """,
            # confirmed orders: what is not received (or billed) yet is committed, the rest spent
            """
            SELECT (po.date_order AT TIME ZONE 'UTC')::date AS date, po.budget_line_id, 'purchase_order', po.name,
                   SUM(pol.price_subtotal / COALESCE(NULLIF(po.currency_rate, 0), 1)
                       * (1 - LEAST(GREATEST(pol.qty_received, pol.qty_invoiced), pol.product_qty) / pol.product_qty)),
                   SUM(pol.price_subtotal / COALESCE(NULLIF(po.currency_rate, 0), 1)
                       * LEAST(GREATEST(pol.qty_received, pol.qty_invoiced), pol.product_qty) / pol.product_qty)
              FROM purchase_order po
              JOIN purchase_order_line pol ON pol.order_id = po.id
             WHERE po.state IN ('purchase', 'done') AND po.budget_line_id IS NOT NULL
               AND pol.display_type IS NULL AND pol.product_qty <> 0
             GROUP BY po.id
            """,
            """
            SELECT r.date, r.budget_line_id, 'requisition', r.name,
                   CASE WHEN r.state = 'approved' THEN r.amount ELSE 0.0 END,
                   CASE WHEN r.state = 'done' THEN r.amount ELSE 0.0 END
              FROM school_stock_requisition r
             WHERE r.state IN ('approved', 'done') AND r.budget_line_id IS NOT NULL
            """,
            # repairs: the sheet's costs are committed until settled, then spent
            """
            SELECT (COALESCE(m.date_settled, m.date_reported) AT TIME ZONE 'UTC')::date, m.budget_line_id,
                   'repair', m.name,
                   CASE WHEN m.is_settled THEN 0.0 ELSE m.cost_total END,
                   CASE WHEN m.is_settled THEN m.cost_total ELSE 0.0 END
              FROM maintenance_request m
             WHERE m.budget_line_id IS NOT NULL AND COALESCE(m.cost_total, 0) <> 0
            """,
            # projects: the budget once decided, the contract once signed, the settlement once settled
            """
            SELECT COALESCE(p.date_settled, p.date_decided), p.budget_line_id, 'project', p.name,
                   CASE WHEN p.state = 'decided' THEN p.budget_amount
                        WHEN p.state IN ('contracted', 'in_progress', 'accepted') THEN COALESCE(p.contract_amount, 0)
                        ELSE 0.0 END,
                   CASE WHEN p.state IN ('settled', 'done') THEN COALESCE(p.settlement_amount, 0) ELSE 0.0 END
              FROM school_project p
             WHERE p.budget_line_id IS NOT NULL
               AND p.state IN ('decided', 'contracted', 'in_progress', 'accepted', 'settled', 'done')
            """,
            # print jobs: approved ones commit their estimate, printed ones spend their cost (打印费)
            """
            SELECT COALESCE(pr.date_done, pr.date), pr.budget_line_id, 'printing', pr.name,
                   CASE WHEN pr.state = 'approved'
                        THEN pr.sheets * CASE WHEN pr.colour THEN c.school_print_price_colour
                                              ELSE c.school_print_price_mono END
                        ELSE 0.0 END,
                   CASE WHEN pr.state = 'done' THEN COALESCE(pr.amount, 0) ELSE 0.0 END
              FROM school_print_request pr
              JOIN res_company c ON c.id = pr.company_id
             WHERE pr.budget_line_id IS NOT NULL AND pr.state IN ('approved', 'done')
            """,
        ]

    @property
    def _table_query(self):
        documents = " UNION ALL ".join(self._select_documents())
        return f"""
            SELECT row_number() OVER (ORDER BY rows.date, rows.budget_line_id, rows.source, rows.document) AS id,
                   rows.date, bl.year, bl.company_id, bl.department_id, rows.budget_line_id, bl.category,
                   rows.source, rows.document, rows.budget AS budget_amount, rows.committed AS committed_amount,
                   rows.spent AS spent_amount, rows.budget - rows.committed - rows.spent AS remaining_amount
              FROM (
                    SELECT make_date(b.year, 1, 1) AS date, l.id AS budget_line_id, 'budget' AS source,
                           b.name AS document, l.amount AS budget, 0.0 AS committed, 0.0 AS spent
                      FROM school_budget_line l JOIN school_budget b ON b.id = l.budget_id
                     WHERE b.active
                    UNION ALL
                    SELECT d.date, d.budget_line_id, d.source, d.document, 0.0, d.committed, d.spent
                      FROM ({documents}) AS d(date, budget_line_id, source, document, committed, spent)
                   ) AS rows
              JOIN school_budget_line bl ON bl.id = rows.budget_line_id
        """
