from . import school_union_xlsx
from . import school_union_certificate
