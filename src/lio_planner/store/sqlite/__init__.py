"""A plan kept as one SQLite file on a disk: the first place to keep plans.

Everything that knows about files, locks, journals, PRAGMAs and SQLite's backup API is in this
package; services and the window see only :class:`lio_planner.store.backend.PlanBackend`.

- ``database``: :class:`PlanStore`, the open plan file (transactions, claim, marks, snapshot);
- ``planfile``: the file's header, contents and schema checks, and its file-only problems;
- ``plan_check`` (with ``plan_shape.json``): the gate's table and value checks;
- ``opening``: creating and opening plan files; ``readable``: reading one without changing it;
- ``lock`` and ``machine``: the claim on a plan, and who and where holds it;
- ``watch``: noticing another's save or a file put in the plan's place;
- ``copying`` and ``backup``: Save a copy and automatic backups (the backup API);
- ``plain_read``: the one read of the overview and the action rows, in plain SQL (no ORM);
- ``locations``: what kind of folder (synced, network, removable) holds a plan.
"""
