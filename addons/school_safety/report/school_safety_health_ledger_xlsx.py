from odoo import _, models


class SchoolSafetyHealthLedgerXlsx(models.AbstractModel):
    """甲流防控台帐: a row per case, with symptoms, diagnosis, absence and return; totals; signatures."""

    _name = "report.school_safety.health_ledger_xlsx"
    _inherit = "report.school_base.xlsx_table"
    _description = "Influenza Prevention Ledger (xlsx)"

    def _symptoms(self, line):
        names = [
            (line.fever, _("Fever")), (line.cough, _("Cough")), (line.sore_throat, _("Sore Throat")),
            (line.vomiting, _("Vomiting or Diarrhoea")), (line.rash, _("Rash")),
        ]
        texts = [label for flag, label in names if flag]
        if line.other_symptoms:
            texts.append(line.other_symptoms)
        return "、".join(texts)

    def _get_columns(self):
        illnesses = self._labels("school.safety.health.report.line", "illness")
        yes = _("Yes")
        return [
            (_("Date"), 11, lambda line: str(line.date)),
            (_("Class"), 14, lambda line: line.class_id.name or ""),
            (_("Student"), 10, lambda line: line.student_name),
            (_("Absent for Illness"), 8, lambda line: yes if line.absent else ""),
            (_("Symptoms"), 22, self._symptoms),
            (_("Temperature (°C)"), 9, lambda line: line.temperature or ""),
            (_("Illness"), 14, lambda line: illnesses.get(line.illness, "")),
            (_("Seen a Doctor"), 8, lambda line: yes if line.seen_doctor else ""),
            (_("Hospital"), 16, lambda line: line.hospital or ""),
            (_("Ill Since"), 11, lambda line: str(line.onset_date or "")),
            (_("Back at School"), 11, lambda line: str(line.return_date or "")),
            (_("Reported By"), 10, lambda line: line.report_id.submitted_user_id.name or ""),
            (_("Measures Taken"), 24, lambda line: line.report_id.note or ""),
        ]

    def generate_xlsx_report(self, workbook, data, wizards):
        for wizard in wizards:
            lines = wizard._get_lines()
            sheet = self._add_sheet(workbook, _("Influenza Ledger"))
            title = _("%(school)s influenza prevention ledger", school=wizard.company_id.name)
            row = self._write_table(workbook, sheet, title, self._get_columns(), lines, info=self._period_info(wizard))
            row = self._write_totals(workbook, sheet, row + 1, [
                (_("Cases"), len(lines)),
                (_("Absent for Illness"), len(lines.filtered("absent"))),
            ])
            self._write_signatures(workbook, sheet, row + 1, [_("School Doctor"), _("Information Reporter")])
