"""One module per evaluation task; each exposes ``TASK``, ``DATASETS`` and ``run``.

Contract for a task module ``warta/eval/tasks/<name>.py``::

    TASK = "ner"                       # the name users pass to ``warta eval``
    DATASETS = ("nergrit", "nerp")     # what it scores, for --help and docs
    FAST = True                        # part of the CI quality-gate subset (keep it < 1 min)

    def run(data_dir: Path, *, limit: int | None = None, errors: list[dict] | None = None) -> list[Score]:
        ...  # read the gold data under data_dir, run it through the public API, return Scores;
             # append one dict per wrong example to ``errors`` when given (for --errors PATH)
"""
