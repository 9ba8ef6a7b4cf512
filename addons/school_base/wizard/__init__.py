from . import school_period_wizard
from . import school_term_plan_copy
from . import school_campus_wall_sheet
from . import school_setup_guide
from . import school_staff_assessment_generate
from . import school_district_report
