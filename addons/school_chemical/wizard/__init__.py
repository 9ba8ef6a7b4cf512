from . import school_chemical_ledger
