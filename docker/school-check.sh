#!/bin/bash
# Entrypoint of the school image: check what the PDF papers need, say it in one line each, then
# run the given command (the official image's /entrypoint.sh odoo ...).
# The papers (labels, sheets, agreements) need wkhtmltopdf 0.12.6 "with patched qt" (headers,
# footers, page numbers, several records in one PDF) and a Chinese font.
if ! command -v wkhtmltopdf >/dev/null 2>&1; then
    echo "school: wkhtmltopdf is missing: the PDF papers (labels, sheets, agreements) cannot be printed" >&2
elif ! wkhtmltopdf --version 2>/dev/null | grep -qi 'patched qt'; then
    echo "school: wkhtmltopdf without patched Qt: PDF papers lose their header, footer and page numbers" >&2
else
    echo "school: wkhtmltopdf OK ($(wkhtmltopdf --version 2>/dev/null | head -n 1))" >&2
fi
if ! fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then
    echo "school: no Noto CJK font: Chinese will be missing from the PDF papers" >&2
fi
exec "$@"
