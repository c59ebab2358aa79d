"""Issue 11's fuzz test: 500 mutated plan files, fixed seed. Each opens and exports correctly
(every action in the export), or is refused in words; never the internal-bug message, never a
changed byte, never a file left behind. ``python -m benchmarks.fuzz --files 5000`` runs longer.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:  # benchmarks/ lives beside src/, outside the package
    sys.path.insert(0, str(REPO_ROOT))

from benchmarks.fuzz import make_base, run  # noqa: E402

FILES = 500
SEED = 20261201


def test_mutated_plans_open_and_export_or_are_refused_in_words(tmp_path: Path) -> None:
    base = make_base(tmp_path)
    outcome = run(FILES, SEED, ("csv",) * 19 + ("docx",), base=base)
    assert outcome.failures == []
    assert outcome.opened + outcome.refused == FILES
    # The mutations really reach both ends: some files stay readable, most are refused.
    assert outcome.opened > 25 and outcome.refused > 250
    assert not base.with_name(base.name + "-journal").exists()
