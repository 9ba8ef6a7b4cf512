from . import school_place
from . import school_term
from . import school_class
from . import school_inspection_follow_up_mixin
from . import school_inspection_template
from . import school_inspection
from . import school_inspection_schedule
from . import school_term_plan
