from . import school_union_election_stop
