from . import test_school_maintenance
