from . import test_school_maintenance
from . import test_staff_feedback
