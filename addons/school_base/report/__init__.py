from . import school_xlsx_table
