from . import school_xlsx_table
from . import school_district_xlsx
