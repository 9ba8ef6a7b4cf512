from . import school_union_member
from . import school_union_retiree
from . import school_union_event
from . import school_union_welfare
from . import school_union_talk
from . import school_union_election
from . import hr_employee
from . import res_company
