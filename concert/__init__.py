"""concert: intersectoral concertation and governance in supported-housing programs.

A region's actors, agreements I/II/III, committees and declared ties, the four
concertation indicators of the Clés en main model (Tableaux 7 to 10) assessed
over three stages, a networkx graph of it all, and an SQLite store.

The main names are importable from the package::

    from concert import Region, Actor, Agreement, Party, Assessment, Answer
    from concert import maturity, region_to_graph, Store

Named accounts and their roles (:mod:`concert.accounts`): ``Account``, ``Session`` (from
``Store.login``), ``AccessDenied`` for what a role may not do.
"""

from importlib.metadata import PackageNotFoundError, version

from concert import accounts as accounts
from concert import framework as framework
from concert import i18n as i18n
from concert import settings as settings
from concert._errors import (
    AccessDenied,
    ConcertError,
    NotFoundError,
    Problem,
    StoreError,
    StoreVersionError,
    ValidationError,
)
from concert.accounts import Account, Session, first_admin_needed
from concert.actions import Action, ActionEvent
from concert.actors import Actor, Contact, actors_frame
from concert.agreements import (
    Agreement,
    Party,
    agreements_frame,
    commitments_frame,
    effective_status,
    expiring,
)
from concert.calls import Call
from concert.commitments import CommitmentReview
from concert.committees import Committee, Membership
from concert.figures import Figure
from concert.graph import (
    graph_to_frames,
    read_gexf,
    read_graphml,
    region_to_graph,
    write_gexf,
    write_graphml,
)
from concert.indicators import (
    Answer,
    Assessment,
    Placement,
    compare_assessments,
    maturity,
    maturity_frame,
    region_stage,
)
from concert.region import Region
from concert.retire import retire_actor
from concert.start import new_region, suggest_code
from concert.store import ConflictError, RecordConflict, Store
from concert.ties import Tie

try:
    __version__ = version("concert")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "AccessDenied", "Account", "Actor", "Agreement", "Answer", "Assessment", "Call", "Committee",
    "ConcertError", "Contact", "Figure", "Membership", "NotFoundError", "Party", "Placement",
    "Problem", "Region", "Session", "Store", "StoreError", "StoreVersionError", "Tie",
    "ValidationError", "actors_frame", "agreements_frame", "commitments_frame",
    "compare_assessments", "effective_status", "expiring", "first_admin_needed",
    "graph_to_frames", "maturity", "maturity_frame", "read_gexf", "read_graphml",
    "region_stage", "region_to_graph", "write_gexf", "write_graphml",
    "ConflictError", "RecordConflict", "new_region", "retire_actor", "suggest_code",
    "Action", "ActionEvent", "CommitmentReview",
]
