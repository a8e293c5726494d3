"""Data in and out: CSV, Excel and JSON tables (see :mod:`concert.io.exchange`)."""

from concert.io.exchange import (
    ImportFailed,
    ImportProblem,
    ImportReport,
    export_tables,
    import_files,
    read_tables,
    write_csv,
    write_json,
    write_template,
    write_xlsx,
)
from concert.io.tables import TABLES

__all__ = ["TABLES", "ImportFailed", "ImportProblem", "ImportReport", "export_tables",
           "import_files", "read_tables", "write_csv", "write_json", "write_template",
           "write_xlsx"]
